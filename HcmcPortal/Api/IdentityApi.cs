using System.Net.Mail;
using System.Security.Claims;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Api;

public sealed record RegisterBody(string? Email, string? Password, string? FullName, string? Cccd, string? Phone);
public sealed record LoginBody(string? Email, string? Password);
public sealed record RefreshBody(string? RefreshToken);
public sealed record MeBody(string? FullName, string? Cccd, string? Phone);
public sealed record MeResponse(string Id, string Email, string FullName, string? Cccd, string? Phone, IReadOnlyList<string> Roles);

/// <summary>Registration, bearer-token sign-in and refresh, and the caller's profile — the same rules as the web pages.</summary>
public static class IdentityApi
{
    public static void MapIdentityApi(this RouteGroupBuilder api)
    {
        var identity = api.MapGroup("/identity").WithTags("Tài khoản");
        identity.MapPost("/register", RegisterAsync).AllowAnonymous().WithSummary("Đăng ký tài khoản công dân")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem();
        identity.MapPost("/login", LoginAsync).AllowAnonymous().WithSummary("Đăng nhập: nhận accessToken và refreshToken")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        identity.MapPost("/refresh", RefreshAsync).AllowAnonymous().WithSummary("Đổi refreshToken lấy mã truy cập mới")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        var me = api.MapGroup("/me").RequireAuthorization(ApiSetup.ApiUser).WithTags("Tài khoản").ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("", GetMeAsync).WithSummary("Hồ sơ cá nhân của tôi").Produces<MeResponse>();
        me.MapPut("", PutMeAsync).WithSummary("Cập nhật họ tên, CCCD, số điện thoại").Produces<MeResponse>().ProducesValidationProblem();
    }

    /// <summary>Checks profile fields the way the registration page does; empty means valid.</summary>
    public static Dictionary<string, string[]> ValidateProfile(string? fullName, string? cccd, string? phone, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fullName))
            errors["fullName"] = ["Vui lòng nhập họ và tên."];
        var check = Cccd.Validate(cccd, today);
        if (!check.IsValid)
            errors["cccd"] = [check.Error!];
        if (!PhoneNumbers.IsValid(phone))
            errors["phone"] = ["Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0."];
        return errors;
    }

    private static async Task<IResult> RegisterAsync(RegisterBody body, UserManager<AppUser> users, TimeProvider clock)
    {
        var errors = ValidateProfile(body.FullName, body.Cccd, body.Phone, VietnamTime.Today(clock));
        if (string.IsNullOrWhiteSpace(body.Email) || !MailAddress.TryCreate(body.Email.Trim(), out _))
            errors["email"] = ["Thư điện tử không hợp lệ."];
        if (string.IsNullOrEmpty(body.Password))
            errors["password"] = ["Vui lòng nhập mật khẩu."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var email = body.Email!.Trim();
        var user = new AppUser
        {
            UserName = email, Email = email, FullName = body.FullName!.Trim(), Cccd = body.Cccd!.Trim(),
            PhoneNumber = body.Phone!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateCitizenAsync(user, body.Password!);
        if (!created.Succeeded)
            return ApiProblems.Validation(created.Errors.GroupBy(e => e.Code == UserAccounts.DuplicateCccd ? "cccd" : e.Code.StartsWith("Password") ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        return Results.Created("/api/v1/me", new { id = user.Id, email });
    }

    /// <summary>Answers { tokenType, accessToken, expiresIn, refreshToken } through Identity's bearer-token handler.</summary>
    private static async Task<IResult> LoginAsync(LoginBody body, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var user = string.IsNullOrWhiteSpace(body.Email) ? null : await users.FindByEmailAsync(body.Email.Trim());
        if (user is null || string.IsNullOrEmpty(body.Password))
            return WrongCredentials();
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Tài khoản tạm khóa",
                detail: "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
        // On success the bearer handler has already written the token response.
        return result.Succeeded ? Results.Empty : WrongCredentials();
    }

    private static IResult WrongCredentials() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công", detail: "Thư điện tử hoặc mật khẩu không đúng.");

    private static async Task<IResult> RefreshAsync(RefreshBody body, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Phiên đăng nhập hết hạn", detail: "Mã làm mới không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> GetMeAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Unauthorized();
        return Results.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Cccd, user.PhoneNumber, [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<IResult> PutMeAsync(MeBody body, ClaimsPrincipal principal, UserManager<AppUser> users, TimeProvider clock)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Unauthorized();
        var errors = ValidateProfile(body.FullName, body.Cccd, body.Phone, VietnamTime.Today(clock));
        if (!errors.ContainsKey("cccd") && await users.CccdTakenAsync(body.Cccd, user.Id))
            errors["cccd"] = [UserAccounts.DuplicateCccdMessage];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        user.FullName = body.FullName!.Trim();
        user.Cccd = body.Cccd!.Trim();
        user.PhoneNumber = body.Phone!.Trim();
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["profile"] = updated.Errors.Select(e => e.Description).ToArray() });
        return Results.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Cccd, user.PhoneNumber, [.. await users.GetRolesAsync(user)]));
    }
}

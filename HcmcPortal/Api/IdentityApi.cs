using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Operations;
using HcmcPortal.Validation;
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
            .WithDescription("Trả lời như nhau dù thư điện tử đã được dùng hay chưa; khi đã dùng, chủ tài khoản nhận thư đặt lại mật khẩu.")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RateLimitedAttribute(RatePolicy.Register));
        identity.MapPost("/login", LoginAsync).AllowAnonymous().WithSummary("Đăng nhập: nhận accessToken và refreshToken")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RateLimitedAttribute(RatePolicy.SignIn));
        identity.MapPost("/refresh", RefreshAsync).AllowAnonymous().WithSummary("Đổi refreshToken lấy mã truy cập mới (mỗi refreshToken chỉ dùng một lần)")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RateLimitedAttribute(RatePolicy.SignIn));
        identity.MapPost("/logout", LogoutAsync).RequireAuthorization(ApiSetup.ApiUser).WithSummary("Đăng xuất: kết thúc mọi phiên đăng nhập của tài khoản")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized);
        var me = api.MapGroup("/me").RequireAuthorization(ApiSetup.ApiUser).WithTags("Tài khoản").ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("", GetMeAsync).WithSummary("Hồ sơ cá nhân của tôi").Produces<MeResponse>();
        me.MapPut("", PutMeAsync).WithSummary("Cập nhật họ tên, CCCD, số điện thoại").Produces<MeResponse>().ProducesValidationProblem();
    }

    /// <summary>The shared validator's messages, keyed as the API's client sends the fields (camelCase).</summary>
    private static Dictionary<string, string[]> Errors(FluentValidation.Results.ValidationResult result) =>
        result.FirstErrors(JsonNamingPolicy.CamelCase.ConvertName).ToDictionary(e => e.Key, e => new[] { e.Value });

    private static async Task<IResult> RegisterAsync(RegisterBody body, CitizenRegistration registration, IValidator<RegistrationInput> validator, TimeProvider clock)
    {
        var checkedInput = await validator.ValidateAsync(new RegistrationInput(body.FullName, body.Cccd, body.Phone, body.Email, body.Password));
        if (!checkedInput.IsValid)
            return ApiProblems.Validation(Errors(checkedInput));
        var email = TextRules.Normalize(body.Email)!;
        var user = new AppUser
        {
            UserName = email, Email = email, FullName = TextRules.Normalize(body.FullName)!, Cccd = PersonRules.StoredCccd(body.Cccd),
            PhoneNumber = PersonRules.StoredPhone(body.Phone), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await registration.RegisterAsync(user, body.Password!);
        if (!created.Succeeded)
            return ApiProblems.Validation(created.Errors.GroupBy(e => e.Code == UserAccounts.DuplicateCccd ? "cccd" : e.Code.StartsWith("Password") ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        // No id: the answer for a taken address must be the same as for a new account.
        return Results.Created("/api/v1/me", new { email });
    }

    /// <summary>Answers { tokenType, accessToken, expiresIn, refreshToken } through Identity's bearer-token handler; a new session family.</summary>
    private static async Task<IResult> LoginAsync(LoginBody body, SignInManager<AppUser> signIn, UserManager<AppUser> users, ApiSessions sessions, HttpContext http, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(body.Email) ? null : await users.FindByEmailAsync(body.Email.Trim());
        if (user is null || string.IsNullOrEmpty(body.Password))
            return WrongCredentials();
        var result = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Tài khoản tạm khóa",
                detail: "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
        return result.Succeeded ? await sessions.SignInAsync(user, http, ct) : WrongCredentials();
    }

    private static IResult WrongCredentials() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công", detail: "Thư điện tử hoặc mật khẩu không đúng.");

    /// <summary>A refresh token works once: it is exchanged for a new pair of the same family; presented again, it revokes the family.</summary>
    private static async Task<IResult> RefreshAsync(RefreshBody body, ApiSessions sessions,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken ct)
    {
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await sessions.RedeemAsync(ticket.Principal, ct) is not { } redeemed)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Phiên đăng nhập hết hạn", detail: "Mã làm mới không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.");
        return await sessions.IssueAsync(redeemed.User, redeemed.Family, ct);
    }

    /// <summary>Signing out of the app ends every session of the user, as signing out of the portal does.</summary>
    private static async Task<IResult> LogoutAsync(ClaimsPrincipal principal, UserManager<AppUser> users, ApiSessions sessions, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is { } user)
            await sessions.EndAllAsync(user, endedBy: user.Id, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> GetMeAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Unauthorized();
        return Results.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Cccd, user.PhoneNumber, [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<IResult> PutMeAsync(MeBody body, ClaimsPrincipal principal, UserManager<AppUser> users, IValidator<ProfileInput> validator)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Unauthorized();
        var checkedInput = await validator.ValidateAsync(new ProfileInput(body.FullName, body.Cccd, body.Phone));
        var errors = checkedInput.IsValid ? [] : Errors(checkedInput);
        var cccd = PersonRules.StoredCccd(body.Cccd);
        if (!errors.ContainsKey("cccd") && await users.CccdTakenAsync(cccd, user.Id))
            errors["cccd"] = [UserAccounts.DuplicateCccdMessage];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        user.FullName = TextRules.Normalize(body.FullName)!;
        user.Cccd = cccd;
        user.PhoneNumber = PersonRules.StoredPhone(body.Phone);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["profile"] = updated.Errors.Select(e => e.Description).ToArray() });
        return Results.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Cccd, user.PhoneNumber, [.. await users.GetRolesAsync(user)]));
    }
}

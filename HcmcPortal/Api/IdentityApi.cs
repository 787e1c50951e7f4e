using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
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
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem();
        identity.MapPost("/login", LoginAsync).AllowAnonymous().WithSummary("Đăng nhập: nhận accessToken và refreshToken")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        identity.MapPost("/refresh", RefreshAsync).AllowAnonymous().WithSummary("Đổi refreshToken lấy mã truy cập mới")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        var me = api.MapGroup("/me").RequireAuthorization(ApiSetup.ApiUser).WithTags("Tài khoản").ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("", GetMeAsync).WithSummary("Hồ sơ cá nhân của tôi").Produces<MeResponse>();
        me.MapPut("", PutMeAsync).WithSummary("Cập nhật họ tên, CCCD, số điện thoại").Produces<MeResponse>().ProducesValidationProblem();
    }

    /// <summary>The shared validator's messages, keyed as the API's client sends the fields (camelCase).</summary>
    private static Dictionary<string, string[]> Errors(FluentValidation.Results.ValidationResult result) =>
        result.FirstErrors(JsonNamingPolicy.CamelCase.ConvertName).ToDictionary(e => e.Key, e => new[] { e.Value });

    private static async Task<IResult> RegisterAsync(RegisterBody body, UserManager<AppUser> users, IValidator<RegistrationInput> validator, TimeProvider clock)
    {
        var checkedInput = await validator.ValidateAsync(new RegistrationInput(body.FullName, body.Cccd, body.Phone, body.Email, body.Password));
        if (!checkedInput.IsValid)
            return ApiProblems.Validation(Errors(checkedInput));
        var email = TextRules.Normalize(body.Email)!;
        var user = new AppUser
        {
            UserName = email, Email = email, FullName = TextRules.Normalize(body.FullName)!, Cccd = TextRules.Normalize(body.Cccd),
            PhoneNumber = TextRules.Normalize(body.Phone), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateWithRoleAsync(user, body.Password!, Roles.Citizen);
        if (!created.Succeeded)
            return ApiProblems.Validation(created.Errors.GroupBy(e => e.Code.StartsWith("Password") ? "password" : "email")
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

    private static async Task<IResult> PutMeAsync(MeBody body, ClaimsPrincipal principal, UserManager<AppUser> users, IValidator<ProfileInput> validator)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Unauthorized();
        var checkedInput = await validator.ValidateAsync(new ProfileInput(body.FullName, body.Cccd, body.Phone));
        if (!checkedInput.IsValid)
            return ApiProblems.Validation(Errors(checkedInput));
        user.FullName = TextRules.Normalize(body.FullName)!;
        user.Cccd = TextRules.Normalize(body.Cccd);
        user.PhoneNumber = TextRules.Normalize(body.Phone);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["profile"] = updated.Errors.Select(e => e.Description).ToArray() });
        return Results.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Cccd, user.PhoneNumber, [.. await users.GetRolesAsync(user)]));
    }
}

using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Api;

/// <summary>The Citizen App API (/api/v1): bearer tokens from Identity, problem details in Vietnamese, an OpenAPI document.</summary>
public static class ApiSetup
{
    /// <summary>
    /// The Citizen App's endpoints accept only the bearer token: a browser's cookie is never enough to change data
    /// through the API, so the API needs no antiforgery token.
    /// </summary>
    public const string ApiUser = "ApiUser";
    /// <summary>Read-only report endpoints also accept the portal's cookie (the operations centre's browser).</summary>
    public static readonly string[] Schemes = [IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme];

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            o.Events.OnMessageReceived = Accounts.ApiSessions.ValidateBearerAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiUser, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddProblemDetails();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiProblems.AuthorizationResults>();
        services.AddExceptionHandler<ApiProblems.Exceptions>();
        services.AddOpenApi("v1", o =>
        {
            // The portal's own endpoints (culture switch, sign-out, cookie-scoped files) are not part of the app's contract.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "HcmcPortal — Citizen App API";
                doc.Info.Description = "Dịch vụ công TP. Hồ Chí Minh cho ứng dụng Công dân số: thủ tục, nộp hồ sơ, theo dõi, bổ sung, rút, đánh giá, tra cứu.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>A policy for read-only API endpoints limited to some roles, accepting the bearer token and the cookie alike.</summary>
    public static AuthorizationPolicy RolesPolicy(params string[] roles) =>
        new AuthorizationPolicyBuilder(Schemes).RequireAuthenticatedUser().RequireRole(roles).Build();

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api");
}

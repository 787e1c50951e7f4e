using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Api;

/// <summary>The Citizen App API (/api/v1): bearer tokens from Identity, problem details in Vietnamese, an OpenAPI document.</summary>
public static class ApiSetup
{
    /// <summary>Signed in by bearer token (the app) or by the portal's cookie (the web, the operations centre's browser).</summary>
    public const string ApiUser = "ApiUser";
    public static readonly string[] Schemes = [IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme];

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiUser, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser());
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "HcmcPortal — Citizen App API";
            doc.Info.Description = "Dịch vụ công TP. Hồ Chí Minh cho ứng dụng Công dân số: thủ tục, nộp hồ sơ, theo dõi, bổ sung, rút, đánh giá, tra cứu.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>A policy for API endpoints limited to some roles, accepting the bearer token and the cookie alike.</summary>
    public static AuthorizationPolicy RolesPolicy(params string[] roles) =>
        new AuthorizationPolicyBuilder(Schemes).RequireAuthenticatedUser().RequireRole(roles).Build();

    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

using HcmcPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, UserManager<AppUser> users, ApiSessions sessions, System.Security.Claims.ClaimsPrincipal principal) =>
        {
            // Signing out ends every session of the user, on every device and in the app (a new security stamp).
            if (await users.GetUserAsync(principal) is { } user)
                await sessions.EndAllAsync(user, endedBy: user.Id);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        });
}

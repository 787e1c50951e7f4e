using System.Security.Claims;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>
/// Records each successful password sign-in (the web page and the app both check the password here), for the
/// administrators' user list; starts a session record for each sign-in cookie; and holds the one validity rule of a
/// cookie or token: its user's security stamp is unchanged and its session (<see cref="SessionRecords"/>) not ended.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation,
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, SessionRecords sessions)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded)
        {
            // A bookkeeping column, written apart from Identity's save so that it never touches the concurrency stamp.
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        }
        return result;
    }

    /// <summary>Every sign-in cookie belongs to a recorded web session, whose id it carries.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = await sessions.StartAsync(user, SessionChannel.Web, Context);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(SessionRecords.SessionClaim, session.ToString())]);
    }

    /// <summary>Used by the cookie's validator on every request, the bearer-token check and the open pages' revalidation.</summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await sessions.IsOpenAsync(principal!, user.Id) ? user : null;
    }
}

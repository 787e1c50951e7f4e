using System.Security.Claims;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>
/// When sessions end. Every session carries the user's security stamp, checked on every request (cookie and bearer
/// token alike): signing out or changing the password renews the stamp, which ends every session of that user.
/// Refresh tokens rotate: each works once, and presenting one again revokes its whole family.
/// </summary>
public sealed class ApiSessions(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptionsMonitor<BearerTokenOptions> bearer,
    SessionRecords records,
    TimeProvider clock,
    ILogger<ApiSessions> log)
{
    /// <summary>The refresh-token family, which is the app session's id (<see cref="SessionRecords.SessionClaim"/>).</summary>
    public const string FamilyClaim = SessionRecords.SessionClaim;
    public const string RefreshIdClaim = "hcmc:refresh";

    /// <summary>A new app session: its record, then its first token pair (the family is the session's id).</summary>
    public async Task<IResult> SignInAsync(AppUser user, HttpContext http, CancellationToken ct = default) =>
        await IssueAsync(user, await records.StartAsync(user, SessionChannel.Api, http, ct), ct);

    /// <summary>Signs in through the bearer handler (which writes the token pair) with a new refresh token of <paramref name="family"/>.</summary>
    public async Task<IResult> IssueAsync(AppUser user, Guid family, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new IssuedRefreshToken
        {
            Id = Guid.NewGuid(), FamilyId = family, UserId = user.Id, IssuedAt = now,
            ExpiresAt = now + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Expired tokens of this user are of no further use.
            await db.RefreshTokens.Where(t => t.UserId == user.Id && t.ExpiresAt < now).ExecuteDeleteAsync(ct);
            db.RefreshTokens.Add(token);
            await db.SaveChangesAsync(ct);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims([new Claim(FamilyClaim, family.ToString()), new Claim(RefreshIdClaim, token.Id.ToString())]);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>
    /// Uses up the refresh token in <paramref name="ticket"/> and answers its family, or null when the token is not valid
    /// (expired, stamp renewed, revoked, unknown, or already used — which revokes the family).
    /// </summary>
    public async Task<(AppUser User, Guid Family)?> RedeemAsync(ClaimsPrincipal ticket, CancellationToken ct = default)
    {
        if (await signIn.ValidateSecurityStampAsync(ticket) is not { } user
            || !Guid.TryParse(ticket.FindFirstValue(RefreshIdClaim), out var id)
            || !Guid.TryParse(ticket.FindFirstValue(FamilyClaim), out var family))
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Atomic: of two requests presenting the same token, one marks it used and the other finds it used.
        var redeemed = await db.RefreshTokens
            .Where(t => t.Id == id && t.FamilyId == family && t.UserId == user.Id && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (redeemed == 1)
            return (user, family);
        if (await db.RefreshTokens.AnyAsync(t => t.Id == id && t.UsedAt != null, ct))
        {
            log.LogWarning("Refresh token {TokenId} of user {UserId} was presented again: revoking its family {Family}", id, user.Id, family);
            await RevokeFamilyAsync(db, family, now, ct);
        }
        return null;
    }

    /// <summary>
    /// Ends every session of the user: cookies and bearer tokens (stamp), refresh-token families, and the session records
    /// (ended by <paramref name="endedBy"/>: the owner signing out, or an administrator).
    /// </summary>
    public async Task EndAllAsync(AppUser user, string endedBy, CancellationToken ct = default)
    {
        await users.UpdateSecurityStampAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await records.EndAllAsync(user.Id, endedBy, ct);
    }

    /// <summary>A bearer token is valid while its user's stamp is unchanged and its family is not revoked.</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (await signIn.ValidateSecurityStampAsync(principal) is null)
            return false;
        if (!Guid.TryParse(principal.FindFirstValue(FamilyClaim), out var family))
            return true;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return !await db.RefreshTokens.AnyAsync(t => t.FamilyId == family && t.RevokedAt != null, ct);
    }

    /// <summary>A copied refresh token ends its family and the session it is (ended by the portal itself: no person).</summary>
    private static async Task RevokeFamilyAsync(AppDbContext db, Guid family, DateTime now, CancellationToken ct)
    {
        await db.RefreshTokens.Where(t => t.FamilyId == family && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await db.UserSessions.Where(s => s.Id == family && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }

    /// <summary>Bearer-token events: checks the stamp and the family before the handler accepts the token.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
            return; // the handler refuses it itself
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ApiSessions>();
        if (!await sessions.IsValidAsync(ticket.Principal, context.HttpContext.RequestAborted))
            context.Fail("The session has ended (signed out, password changed or refresh token reused).");
    }
}

/// <summary>
/// An interactive page keeps the principal it started with; this re-checks the security stamp and the session every
/// minute, so a session ended elsewhere (sign-out, password change, ended by an administrator) also ends in an open page.
/// </summary>
public sealed class StampRevalidatingAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.ValidateSecurityStampAsync(state.User) is not null;
    }
}

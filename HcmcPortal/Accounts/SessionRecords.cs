using System.Security.Claims;
using HcmcPortal.Data;
using HcmcPortal.Localization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>An open session as the sessions lists show it (times UTC).</summary>
public sealed record OpenSession(Guid Id, SessionChannel Channel, DateTime StartedAt, DateTime LastSeenAt, string? IpAddress, string? Browser);

/// <summary>
/// The record of each sign-in (<see cref="UserSession"/>), web and app alike: started by the sign-in, checked with the
/// security stamp on every request (<see cref="PortalSignInManager.ValidateSecurityStampAsync(ClaimsPrincipal)"/>),
/// ended one by one (by its owner or an administrator) or all at once with the stamp.
/// </summary>
public sealed class SessionRecords(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptionsMonitor<BearerTokenOptions> bearer)
{
    /// <summary>The session's id in the cookie and in the app's tokens (for the app, also its refresh-token family).</summary>
    public const string SessionClaim = "hcmc:session";

    /// <summary>"Last seen" is written at most this often, not on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A record, with the IP address it holds, is deleted 30 days after its session was last used. The Personal Data
    /// Protection Law (91/2025/QH15) keeps personal data only as long as its purpose needs: here, letting the owner and
    /// the administrators recognise and end a session and look into a misuse noticed afterwards. The longest a session
    /// lives unused is the app's 14-day refresh token; 30 days leaves about two weeks beyond it to notice a misuse.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static string NotFound => UiTexts.Get("Sessions_Result.NotFound");
    public static string AlreadyEnded => UiTexts.Get("Sessions_Result.AlreadyEnded");

    /// <summary>Records a new session of <paramref name="user"/> and answers its id (for the session claim); prunes old records.</summary>
    public async Task<Guid> StartAsync(AppUser user, SessionChannel channel, HttpContext? http, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(), UserId = user.Id, Channel = channel, StartedAt = now, LastSeenAt = now,
            IpAddress = http?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null,
            Browser = BrowserSummary.Of(http?.Request.Headers.UserAgent), SecurityStamp = user.SecurityStamp ?? "",
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = now - Retention;
        await db.UserSessions.Where(s => s.LastSeenAt < expired).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// Whether the session <paramref name="principal"/> carries is still open (and notes that it was seen). A principal
    /// issued before sessions were recorded carries none and is left to the security stamp alone.
    /// </summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, string userId, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } claim)
            return true;
        if (!Guid.TryParse(claim, out var id))
            return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastSeen = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .Select(s => (DateTime?)s.LastSeenAt).FirstOrDefaultAsync(ct);
        if (lastSeen is null)
            return false;
        if (now - lastSeen >= TouchInterval)
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(x => x.SetProperty(s => s.LastSeenAt, now), ct);
        return true;
    }

    /// <summary>
    /// The user's open sessions, last used first: not ended, begun with the user's current security stamp, and used
    /// within the life of their cookie (web) or refresh token (app).
    /// </summary>
    public async Task<IReadOnlyList<OpenSession>> ListOpenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var webSince = now - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        var appSince = now - bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .Where(s => s.Channel == SessionChannel.Web ? s.LastSeenAt > webSince : s.LastSeenAt > appSince)
            .Where(s => db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new OpenSession(s.Id, s.Channel, s.StartedAt, s.LastSeenAt, s.IpAddress, s.Browser))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Ends one session of <paramref name="userId"/>: its cookie or token is refused from the next request on. Audited
    /// with <paramref name="endedBy"/> as the actor. Answers null when done, else why not (Vietnamese).
    /// </summary>
    public async Task<string?> EndAsync(string userId, Guid sessionId, string endedBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null)
            return NotFound;
        if (session.EndedAt is not null)
            return AlreadyEnded;
        db.ActorId = endedBy;
        db.AuditAction = AdminAuditActions.SessionEnded;
        session.OwnerUnitId = await db.Users.Where(u => u.Id == userId).Select(u => u.UnitId).FirstOrDefaultAsync(ct);
        session.EndedAt = clock.GetUtcNow().UtcDateTime;
        session.EndedBy = endedBy;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AlreadyEnded; // someone else ended it meanwhile
        }
        return null;
    }

    /// <summary>Marks every open session of the user ended (the security stamp, renewed by the caller, is what ends them).</summary>
    public async Task EndAllAsync(string userId, string? endedBy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(x => x.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedBy, endedBy), ct);
    }

    /// <summary>The security-stamp validator renews the cookie's principal on every request; the renewed one keeps its session.</summary>
    public static Task CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SessionClaim))
            identity.AddClaim(new Claim(SessionClaim, claim.Value));
        return Task.CompletedTask;
    }
}

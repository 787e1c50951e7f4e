using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using HcmcPortal.Accounts;
using HcmcPortal.Admin.Users;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>Issue 15 item 3: each user's active sessions (web and app), listed and ended one by one, in the unit administrator's scope.</summary>
public sealed class UserSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string FirefoxOnAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";

    private UserAdminService Staff => portal.Get<UserAdminService>();

    /// <summary>A browser signed in as <paramref name="email"/> that does not follow redirects (to see the one to the sign-in page).</summary>
    private async Task<HttpClient> BrowserAsync(string email, string userAgent)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/can-bo");
        return page.StatusCode == HttpStatusCode.OK
            || !(page.Headers.Location?.OriginalString.Contains("/account/login") ?? throw new InvalidOperationException($"unexpected {page.StatusCode}"));
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = portal.CreateDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Two_sign_ins_are_two_sessions_and_ending_one_signs_out_that_browser_or_app_only()
    {
        const string officer = "motcua.benthanh@demo.hcmc.vn";
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var officerId = await IdOfAsync(officer);
        var office = await BrowserAsync(officer, ChromeOnWindows);
        var phone = await BrowserAsync(officer, FirefoxOnAndroid);
        var app = await portal.CreateClient().LoginAsync(officer);

        // The last sign-in is recorded (by the portal's sign-in manager, which must be the one the app serves).
        Assert.True((await Staff.DetailAsync(admin, officerId, default))!.LastSignInAt > DateTime.UtcNow.AddMinutes(-1));
        var (sessions, error) = await Staff.SessionsAsync(admin, officerId);
        Assert.Null(error);
        Assert.Equal(3, sessions.Count);
        Assert.Equal(["Chrome 131 · Windows", "Firefox 133 · Android 14"], sessions.Where(s => s.Channel == SessionChannel.Web).Select(s => s.Browser!).Order());
        Assert.Single(sessions, s => s.Channel == SessionChannel.Api);

        // The office browser's session ends: that browser is sent to the sign-in page, the phone and the app go on.
        var officeSession = sessions.Single(s => s.Browser?.StartsWith("Chrome") == true).Id;
        Assert.Null(await Staff.EndSessionAsync(admin, officerId, officeSession));
        Assert.False(await SignedInAsync(office));
        Assert.True(await SignedInAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app).GetAsync("/api/v1/me")).StatusCode);

        // The app's session ends: its token and its refresh token stop working.
        Assert.Null(await Staff.EndSessionAsync(admin, officerId, sessions.Single(s => s.Channel == SessionChannel.Api).Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app).GetAsync("/api/v1/me")).StatusCode);
        var refreshed = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/refresh", new { refreshToken = app.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.True(await SignedInAsync(phone));

        // A second administrator ending the same session is told it had ended; the list shows the phone only.
        Assert.Equal(SessionRecords.AlreadyEnded, await Staff.EndSessionAsync(admin, officerId, officeSession));
        Assert.Equal(["Firefox 133 · Android 14"], (await Staff.SessionsAsync(admin, officerId)).Sessions.Select(s => s.Browser));

        // Each ending is in the audit trail: who, which account's session, in which unit.
        var benThanh = await portal.UnitIdAsync(DemoSeeder.BenThanhCode);
        await using var db = portal.CreateDb();
        var audited = await db.AdminAudit.Where(a => a.EntityType == nameof(UserSession) && a.Action == AdminAuditActions.SessionEnded).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a =>
        {
            Assert.Equal(admin.UserId, a.ActorUserId);
            Assert.StartsWith(officerId + "/", a.EntityKey);
            Assert.Equal(benThanh, a.UnitId);
            Assert.Contains(admin.UserId, a.After);
        });
    }

    private HttpClient Bearer(JsonElement tokens)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task A_unit_administrator_lists_and_ends_the_sessions_of_their_own_units_officers_only()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        const string unitAdminEmail = "quantri.phien@example.vn";
        Assert.Empty(await Staff.CreateAsync(admin, new OfficerInput(unitAdminEmail, "Trần Thị Thu", Roles.UnitAdmin, saiGon, "Qt@123456")));
        var unitAdmin = await portal.ActorAsync(unitAdminEmail);
        var ownOfficer = await IdOfAsync("lanhdao.q1@demo.hcmc.vn");
        var otherOfficer = await IdOfAsync("motcua.q3@demo.hcmc.vn");
        var other = await BrowserAsync("motcua.q3@demo.hcmc.vn", ChromeOnWindows);
        await BrowserAsync("lanhdao.q1@demo.hcmc.vn", ChromeOnWindows);

        Assert.Equal(([], StaffScope.OutOfScope), await Staff.SessionsAsync(unitAdmin, otherOfficer));
        var otherSession = (await Staff.SessionsAsync(admin, otherOfficer)).Sessions.Single().Id;
        Assert.Equal(StaffScope.OutOfScope, await Staff.EndSessionAsync(unitAdmin, otherOfficer, otherSession));
        Assert.Equal(StaffScope.OutOfScope, await Staff.EndSessionsAsync(unitAdmin, otherOfficer));
        Assert.True(await SignedInAsync(other));
        // A session id of another account, even given with the unit's own officer, ends nothing.
        Assert.Equal(SessionRecords.NotFound, await Staff.EndSessionAsync(unitAdmin, ownOfficer, otherSession));
        Assert.True(await SignedInAsync(other));

        var own = (await Staff.SessionsAsync(unitAdmin, ownOfficer)).Sessions.Single();
        Assert.Null(await Staff.EndSessionAsync(unitAdmin, ownOfficer, own.Id));
        Assert.Empty((await Staff.SessionsAsync(unitAdmin, ownOfficer)).Sessions);
    }

    [Fact]
    public async Task Ending_all_sign_out_and_a_new_password_close_every_session_record()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var officerId = await IdOfAsync("chuyenvien.q1@demo.hcmc.vn");
        var first = await BrowserAsync("chuyenvien.q1@demo.hcmc.vn", ChromeOnWindows);
        await BrowserAsync("chuyenvien.q1@demo.hcmc.vn", FirefoxOnAndroid);

        // Locking ends every session through the stamp and marks each record ended by the administrator.
        Assert.Null(await Staff.LockAsync(admin, officerId));
        Assert.False(await SignedInAsync(first));
        await using (var db = portal.CreateDb())
            Assert.All(await db.UserSessions.Where(s => s.UserId == officerId).ToListAsync(), s => Assert.Equal(admin.UserId, s.EndedBy));
        Assert.Null(await Staff.UnlockAsync(admin, officerId));

        // Signing out ends the records too (by their owner).
        var again = await BrowserAsync("chuyenvien.q1@demo.hcmc.vn", ChromeOnWindows);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync("/account/logout", null)).StatusCode);
        await using (var db = portal.CreateDb())
            Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == officerId && (s.EndedAt == null || s.EndedBy == null)));

        // A new password set elsewhere (the stamp changes, no record is touched): the old session is no longer listed.
        await BrowserAsync("chuyenvien.q1@demo.hcmc.vn", ChromeOnWindows);
        Assert.Single((await Staff.SessionsAsync(admin, officerId)).Sessions);
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(officerId))!;
            Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Moi@123456")).Succeeded);
        }
        Assert.Empty((await Staff.SessionsAsync(admin, officerId)).Sessions);
    }

    [Fact]
    public async Task An_open_page_revalidating_its_principal_finds_an_ended_session_and_last_seen_moves_only_every_few_minutes()
    {
        using var scope = portal.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var records = scope.ServiceProvider.GetRequiredService<SessionRecords>();
        var user = (await signIn.UserManager.FindByEmailAsync("congdan2@demo.hcmc.vn"))!;
        var session = await records.StartAsync(user, SessionChannel.Web, http: null);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionRecords.SessionClaim, session.ToString()));

        // What the circuit's revalidation (every minute) and the cookie's validator (every request) ask.
        Assert.NotNull(await signIn.ValidateSecurityStampAsync(principal));
        await using (var db = portal.CreateDb())
        {
            // Seen 4 minutes ago: not written again; seen 6 minutes ago: written.
            var fourMinutesAgo = DateTime.UtcNow.AddMinutes(-4);
            await db.UserSessions.Where(s => s.Id == session).ExecuteUpdateAsync(x => x.SetProperty(s => s.LastSeenAt, fourMinutesAgo));
            Assert.NotNull(await signIn.ValidateSecurityStampAsync(principal));
            Assert.Equal(fourMinutesAgo, await db.UserSessions.Where(s => s.Id == session).Select(s => s.LastSeenAt).SingleAsync(), TimeSpan.FromSeconds(1));
            await db.UserSessions.Where(s => s.Id == session).ExecuteUpdateAsync(x => x.SetProperty(s => s.LastSeenAt, DateTime.UtcNow.AddMinutes(-6)));
            Assert.NotNull(await signIn.ValidateSecurityStampAsync(principal));
            Assert.True(await db.UserSessions.Where(s => s.Id == session).Select(s => s.LastSeenAt).SingleAsync() > DateTime.UtcNow.AddMinutes(-1));
        }

        // The owner ends it from their account page: the same principal is refused.
        Assert.Null(await records.EndAsync(user.Id, session, endedBy: user.Id));
        Assert.Null(await signIn.ValidateSecurityStampAsync(principal));
    }

    [Fact]
    public async Task A_record_is_deleted_thirty_days_after_its_session_was_last_used()
    {
        var user = await IdOfAsync("congdan@demo.hcmc.vn");
        await using (var db = portal.CreateDb())
        {
            db.UserSessions.AddRange(
                new UserSession { Id = Guid.NewGuid(), UserId = user, IpAddress = "203.0.113.9", StartedAt = DateTime.UtcNow.AddDays(-45), LastSeenAt = DateTime.UtcNow.AddDays(-31) },
                new UserSession { Id = Guid.NewGuid(), UserId = user, IpAddress = "203.0.113.10", StartedAt = DateTime.UtcNow.AddDays(-40), LastSeenAt = DateTime.UtcNow.AddDays(-29) });
            await db.SaveChangesAsync();
        }
        await BrowserAsync("congdan2@demo.hcmc.vn", ChromeOnWindows); // any sign-in prunes
        await using (var db = portal.CreateDb())
            Assert.Equal(["203.0.113.10"], await db.UserSessions.Where(s => s.UserId == user).Select(s => s.IpAddress).ToListAsync());
    }
}

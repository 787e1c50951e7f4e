using System.Net;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Notifications;
using HcmcPortal.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Feedback;

/// <summary>
/// In-app notifications and mails about reports, added to the context of the change that causes them (saved in the same
/// transaction; the mail waits in the outbox like the dossiers' mails). Links come from configuration, never from a request.
/// </summary>
public sealed class FeedbackNotifier(IOptions<PortalOptions> portal, TimeProvider clock)
{
    /// <summary>Tells one person, with a link to the report as they see it (reporter's page or the unit's page).</summary>
    public void Tell(AppDbContext db, string userId, FeedbackReport report, string title, string body, bool asOfficer = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification { UserId = userId, Title = Cut(title, 200), Body = Cut(body, 2000), At = now });
        var link = portal.Value.LinkTo(asOfficer ? $"/can-bo/phan-anh/{report.Code}" : $"/phan-anh/cua-toi/{report.Code}");
        db.MailOutboxes.Add(MailOutboxWorker.NewMail(null, userId, title,
            $"<p>{WebUtility.HtmlEncode(body)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Xem phản ánh trên Cổng dịch vụ công</a></p>", now));
    }

    /// <summary>The reporter and every follower.</summary>
    public async Task TellReporterAndFollowersAsync(AppDbContext db, FeedbackReport report, string title, string body, CancellationToken ct)
    {
        Tell(db, report.ReporterUserId, report, title, body);
        foreach (var follower in await db.FeedbackFollowers.Where(f => f.ReportId == report.Id).Select(f => f.UserId).ToListAsync(ct))
            Tell(db, follower, report, title, body);
    }

    /// <summary>The officers of the unit in charge.</summary>
    public async Task TellUnitAsync(AppDbContext db, int unitId, FeedbackReport report, string title, string body, CancellationToken ct)
    {
        foreach (var officer in await UsersInRolesAsync(db, Roles.Officers, unitId, ct))
            Tell(db, officer, report, title, body, asOfficer: true);
    }

    /// <summary>The city's operations centre: the city leaders' accounts.</summary>
    public async Task TellCityOperatorAsync(AppDbContext db, FeedbackReport report, string title, string body, CancellationToken ct)
    {
        foreach (var user in await UsersInRolesAsync(db, [Roles.CityLeader], null, ct))
            Tell(db, user, report, title, body, asOfficer: true);
    }

    private static Task<List<string>> UsersInRolesAsync(AppDbContext db, IReadOnlyList<string> roles, int? unitId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where roles.Contains(r.Name!) && (unitId == null || u.UnitId == unitId)
         select u.Id).Distinct().ToListAsync(ct);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using System.Net;
using HcmcPortal.Data;
using HcmcPortal.Operations;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Notifications;

/// <summary>
/// In-app notifications and their e-mails, both added to the context of the change that causes them, so they are saved
/// in the same transaction (the mail waits in the outbox for <see cref="MailOutboxWorker"/>).
/// </summary>
public sealed class NotificationService(IOptionsMonitor<PortalOptions> portal, TimeProvider clock)
{
    public void Add(AppDbContext db, string userId, Dossier dossier, string title, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification { UserId = userId, DossierId = dossier.Id, Title = title, Body = body, At = now });
        // The link is built from configuration, never from a request's Host header.
        var link = portal.CurrentValue.LinkTo($"/ho-so-cua-toi/{dossier.Id}");
        db.MailOutboxes.Add(MailOutboxWorker.NewMail(null, userId, title,
            $"<p>{WebUtility.HtmlEncode(body)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Xem hồ sơ trên Cổng dịch vụ công</a></p>", now));
    }
}

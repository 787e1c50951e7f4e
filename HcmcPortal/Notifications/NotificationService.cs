using System.Net;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Notifications;

/// <summary>In-app notifications saved with the change that caused them; e-mails queued once the change is committed.</summary>
public sealed class NotificationService(MailQueue mail, TimeProvider clock)
{
    public void Add(AppDbContext db, string userId, Dossier dossier, string title, string body) =>
        db.Notifications.Add(new Notification
        {
            UserId = userId, DossierId = dossier.Id, Title = title, Body = body, At = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>Queues a mail for each notification this context just saved.</summary>
    public async Task QueuePendingMailAsync(AppDbContext db, CancellationToken ct)
    {
        var sent = db.ChangeTracker.Entries<Notification>().Select(e => e.Entity).ToList();
        if (sent.Count == 0)
            return;
        var ids = sent.Select(n => n.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FullName }).ToDictionaryAsync(u => u.Id, ct);
        foreach (var n in sent)
            if (users.TryGetValue(n.UserId, out var user) && user.Email is { } email)
                mail.Enqueue(new QueuedMail(email, n.Title, $"<p>Xin chào {WebUtility.HtmlEncode(user.FullName)},</p><p>{WebUtility.HtmlEncode(n.Body)}</p>"));
    }
}

using HcmcPortal.Accounts;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Citizen.Notifications;

public sealed record NotificationRow(long Id, Guid? DossierId, string Title, string Body, DateTime At, bool IsRead);

/// <summary>The signed-in person's in-app notifications (written by the dossier service with every status change).</summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PagedList<NotificationRow>> ListAsync(Actor actor, bool unreadOnly, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
            query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var rows = await query.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.DossierId, n.Title, n.Body, n.At, n.ReadAt != null)).ToListAsync(ct);
        return new(rows, total);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one notification (or, without an id, all of them) as read; only the person's own.</summary>
    public async Task<int> MarkReadAsync(Actor actor, long? id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null);
        if (id is long one)
            query = query.Where(n => n.Id == one);
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

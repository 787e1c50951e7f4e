using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Live;

/// <summary>
/// Work that runs once across instances (issue 14): a row per job in <c>JobLeases</c>, taken by an atomic conditional
/// UPDATE — of several instances racing, exactly one changes the row. The work's result and "period done" are written
/// in one transaction (<see cref="CompleteAsync"/>), so a crash before it leaves the period to be done again after the
/// lease runs out, and a crash after it never repeats it.
/// </summary>
public sealed class JobLeases(IDbContextFactory<AppDbContext> dbFactory, InstanceIdentity instance, TimeProvider clock)
{
    private static readonly DateTime Free = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Owner => instance.Name;

    /// <summary>True when this instance now holds <paramref name="job"/> for <paramref name="period"/>: not done yet, and no other instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, string period, TimeSpan duration, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.JobLeases.AnyAsync(l => l.Name == job, ct))
        {
            db.JobLeases.Add(new JobLease { Name = job, LeaseUntil = Free });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the row first: the race is decided by the UPDATE below.
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var owner = instance.Name;
        var won = await db.JobLeases
            .Where(l => l.Name == job && (l.LastCompleted == null || l.LastCompleted != period) && (l.LeaseUntil <= now || l.Owner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.LeaseUntil, until), ct);
        return won == 1;
    }

    /// <summary>
    /// Marks the period done inside the caller's transaction; false when this instance no longer holds the lease (it ran
    /// out and another took over), and then the caller rolls its work back.
    /// </summary>
    public async Task<bool> CompleteAsync(AppDbContext db, string job, string period, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = instance.Name;
        return await db.JobLeases.Where(l => l.Name == job && l.Owner == owner && l.LeaseUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCompleted, period).SetProperty(l => l.LeaseUntil, Free), ct) == 1;
    }

    /// <summary>Gives the lease back without completing (the work failed): another pass may try again at once.</summary>
    public async Task ReleaseAsync(string job, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = instance.Name;
        await db.JobLeases.Where(l => l.Name == job && l.Owner == owner).ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, Free), ct);
    }
}

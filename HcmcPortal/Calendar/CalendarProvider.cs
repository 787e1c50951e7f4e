using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Live;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Calendar;

/// <summary>
/// The stored working-day calendar, loaded once and kept in memory; an administrator's edit calls <see cref="Invalidate"/>,
/// which every instance hears (through <see cref="LiveUpdates"/>, and Redis when several run).
/// Promised due dates are stored on dossiers, so reloading never moves them (domain.md §4).
/// </summary>
public sealed class CalendarProvider
{
    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly LiveUpdates? live;
    private readonly Lock gate = new();
    private WorkingCalendar? cached;
    private int generation;

    public CalendarProvider(IDbContextFactory<AppDbContext> dbFactory, LiveUpdates? live = null)
    {
        this.dbFactory = dbFactory;
        this.live = live;
        live?.Subscribe(change =>
        {
            if (change.Kind == EntityChange.Calendar)
                Forget();
            return Task.CompletedTask;
        });
    }

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        int loadedFor;
        lock (gate)
        {
            if (cached is { } c)
                return c;
            loadedFor = generation;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await ReferenceSeeder.LoadCalendarAsync(db, ct);
        lock (gate)
        {
            // A load that started before an edit may have read the old days: it serves this call but is not kept.
            if (generation == loadedFor)
                cached = calendar;
        }
        return calendar;
    }

    /// <summary>After an edit of the stored calendar: this instance and the others load it again.</summary>
    public void Invalidate()
    {
        Forget();
        live?.Publish(new EntityChange(EntityChange.Calendar, "", null, null, null, null));
    }

    private void Forget()
    {
        lock (gate)
        {
            generation++;
            cached = null;
        }
    }
}

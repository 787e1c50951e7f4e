using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Calendar;

/// <summary>
/// The stored working-day calendar, loaded once and kept in memory; an administrator's edit calls <see cref="Invalidate"/>.
/// Promised due dates are stored on dossiers, so reloading never moves them (domain.md §4).
/// </summary>
public sealed class CalendarProvider(IDbContextFactory<AppDbContext> dbFactory)
{
    private readonly Lock gate = new();
    private WorkingCalendar? cached;
    private int generation;

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

    public void Invalidate()
    {
        lock (gate)
        {
            generation++;
            cached = null;
        }
    }
}

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
    private WorkingCalendar? cached;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (cached is { } c)
            return c;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return cached = await ReferenceSeeder.LoadCalendarAsync(db, ct);
    }

    public void Invalidate() => cached = null;
}

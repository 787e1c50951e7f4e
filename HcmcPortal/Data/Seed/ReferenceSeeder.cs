using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

/// <summary>Reference data every installation needs: units (domain.md §7), procedures, calendar 2024–2027, DX framework.</summary>
public static class ReferenceSeeder
{
    public static readonly int[] CalendarYears = [2024, 2025, 2026, 2027];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(ct))
            await SeedUnitsAsync(db, ct);
        if (!await db.Procedures.AnyAsync(ct))
        {
            db.Procedures.AddRange(ReferenceProcedures.All());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Calendar.AnyAsync(ct))
        {
            db.Calendar.AddRange(CalendarYears.SelectMany(VietnamHolidays.Official)
                .Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.DxFrameworks.AnyAsync(ct))
        {
            db.DxFrameworks.Add(ReferenceDxFramework.Default());
            await db.SaveChangesAsync(ct);
        }
        // The commune-level framework from 2025 (issue 9 item 4), added beside the district one on existing databases too.
        if (!await db.DxFrameworks.AnyAsync(f => f.Name == ReferenceDxFramework.CommuneName, ct))
        {
            db.DxFrameworks.Add(ReferenceDxFramework.Commune2025());
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task SeedUnitsAsync(AppDbContext db, CancellationToken ct)
    {
        var city = ReferenceUnits.City();
        db.Units.Add(city);
        await db.SaveChangesAsync(ct);
        city.Path = $"/{city.Id}/";
        foreach (var (district, wards) in ReferenceUnits.Districts())
        {
            district.Parent = city;
            db.Units.Add(district);
            foreach (var ward in wards)
            {
                ward.Parent = district;
                db.Units.Add(ward);
            }
        }
        await db.SaveChangesAsync(ct);
        var all = await db.Units.ToListAsync(ct);
        var byId = all.ToDictionary(u => u.Id);
        foreach (var unit in all.Where(u => u.ParentId is not null))
            unit.Path = PathOf(unit, byId);
        await db.SaveChangesAsync(ct);
    }

    private static string PathOf(AdministrativeUnit unit, Dictionary<int, AdministrativeUnit> byId) =>
        unit.ParentId is int parent ? PathOf(byId[parent], byId) + unit.Id + "/" : $"/{unit.Id}/";

    public static async Task<WorkingCalendar> LoadCalendarAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Calendar.AsNoTracking().Select(c => new CalendarDay(c.Date, c.Kind, c.Name)).ToListAsync(ct));
}

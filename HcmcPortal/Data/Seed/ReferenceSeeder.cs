using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

/// <summary>Reference data every installation needs: units (domain.md §7), procedures, calendar 2024–2027, DX framework.</summary>
public static class ReferenceSeeder
{
    public static readonly int[] CalendarYears = [2024, 2025, 2026, 2027];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
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

    /// <summary>
    /// Adds the units and links of <see cref="ReferenceUnits.Build"/> that the database lacks, matched by (Code,
    /// ValidFrom), and leaves every existing row — and so every dossier's unit id — as it is. A database of an older
    /// version (22 districts with a sample of 88 wards) thus gains the missing wards, the 168 units and the links;
    /// a current one is left unchanged. Sample wards that are not in the 2025 file stay, without links.
    /// </summary>
    public static async Task SeedUnitsAsync(AppDbContext db, CancellationToken ct)
    {
        var tree = ReferenceUnits.Build();
        var existing = await db.Units.ToDictionaryAsync(u => (u.Code, u.ValidFrom), ct);
        var stored = new Dictionary<AdministrativeUnit, AdministrativeUnit>(ReferenceEqualityComparer.Instance);
        var added = false;
        // Level by level, so that each parent has its id before its children are added.
        foreach (var level in new[] { [tree.City], tree.Districts, [.. tree.OldWards, .. tree.Units2025] })
        {
            foreach (var spec in level)
            {
                if (existing.TryGetValue((spec.Code, spec.ValidFrom), out var row))
                {
                    stored[spec] = row;
                    continue;
                }
                row = new AdministrativeUnit
                {
                    Code = spec.Code, AgencyCode = spec.AgencyCode, Name = spec.Name, Kind = spec.Kind, Level = spec.Level,
                    ValidFrom = spec.ValidFrom, ValidTo = spec.ValidTo, ParentId = spec.Parent is null ? null : stored[spec.Parent].Id,
                };
                db.Units.Add(row);
                stored[spec] = row;
                added = true;
            }
            await db.SaveChangesAsync(ct);
        }
        if (added)
        {
            var all = await db.Units.ToListAsync(ct);
            var byId = all.ToDictionary(u => u.Id);
            foreach (var unit in all)
                unit.Path = PathOf(unit, byId);
            await db.SaveChangesAsync(ct);
        }

        var links = (await db.UnitSuccessions.Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct))
            .Select(s => (s.PredecessorId, s.SuccessorId)).ToHashSet();
        foreach (var s in tree.Successions)
        {
            var link = (stored[s.Predecessor].Id, stored[s.Successor].Id);
            if (links.Add(link))
                db.UnitSuccessions.Add(new UnitSuccession { PredecessorId = link.Item1, SuccessorId = link.Item2, Partial = s.Partial });
        }
        await db.SaveChangesAsync(ct);
    }

    private static string PathOf(AdministrativeUnit unit, Dictionary<int, AdministrativeUnit> byId) =>
        unit.ParentId is int parent ? PathOf(byId[parent], byId) + unit.Id + "/" : $"/{unit.Id}/";

    public static async Task<WorkingCalendar> LoadCalendarAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Calendar.AsNoTracking().Select(c => new CalendarDay(c.Date, c.Kind, c.Name)).ToListAsync(ct));
}

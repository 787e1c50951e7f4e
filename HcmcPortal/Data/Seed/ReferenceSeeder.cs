using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

/// <summary>Reference data every installation needs: units (domain.md §7), procedures, calendar 2024–2027, DX framework.</summary>
public static class ReferenceSeeder
{
    public static readonly int[] CalendarYears = [2024, 2025, 2026, 2027];

    /// <summary>The actor the start-up seeding writes as (<see cref="DatabaseInitializer"/>): rows it made are the seed's, not an administrator's.</summary>
    public const string SystemActor = "system";

    /// <summary>The basis recorded for a year seeded with its announced schedule.</summary>
    public const string AnnouncedBasis = "Lịch nghỉ lễ, Tết do Chính phủ công bố";

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        await SeedUnitsAsync(db, ct);
        if (!await db.Procedures.AnyAsync(ct))
        {
            db.Procedures.AddRange(ReferenceProcedures.All());
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await CorrectCertificationTimeLimitsAsync(db, ct);
            await CorrectProcedureNameCaseAsync(db, ct);
        }
        await SeedCalendarAsync(db, ct);
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
        new(await db.Calendar.AsNoTracking().Select(c => new CalendarDay(c.Date, c.Kind, c.Name)).ToListAsync(ct),
            await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct));

    /// <summary>The certification procedures as first seeded, with the time limit they were wrongly given then.</summary>
    private static readonly (string Code, TimeLimit FirstSeeded)[] CertificationsFirstSeeded =
    [
        ("2.000815", new(4, TimeLimitUnit.Hours)),
        ("2.000884", new(4, TimeLimitUnit.Hours)),
        ("2.000908", new(1, TimeLimitUnit.WorkingDays)),
        ("2.000843", new(1, TimeLimitUnit.WorkingDays)),
    ];

    /// <summary>
    /// Certification is due the same working day, or the next one when received after 15:00 (Decree 23/2015/NĐ-CP
    /// art. 21), not in "4 working hours" or "1 working day" as first seeded. A database seeded before is corrected: a
    /// procedure still holding its first seeded limit is switched (audited as the system); one an administrator has set
    /// otherwise is left as they set it. Dossiers already received keep the due date they were promised.
    /// </summary>
    private static async Task CorrectCertificationTimeLimitsAsync(AppDbContext db, CancellationToken ct)
    {
        var codes = CertificationsFirstSeeded.Select(c => c.Code).ToList();
        var procedures = await db.Procedures.Where(p => codes.Contains(p.Code)).ToListAsync(ct);
        foreach (var procedure in procedures.Where(p => CertificationsFirstSeeded.Contains((p.Code, p.TimeLimit))))
            (procedure.TimeLimitValue, procedure.TimeLimitUnit) = (0, TimeLimitUnit.SameWorkingDay);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Procedure names in sentence case (issue 11 item 10) on databases seeded earlier: a reference procedure whose
    /// stored name differs from the reference only in letter case ("Cấp Giấy xác nhận…") takes the reference name, and
    /// any name in all capitals or Title Case is put in sentence case. A name an administrator reworded is kept.
    /// </summary>
    private static async Task CorrectProcedureNameCaseAsync(AppDbContext db, CancellationToken ct)
    {
        var reference = ReferenceProcedures.All().ToDictionary(p => p.Code, p => p.Name);
        foreach (var procedure in await db.Procedures.ToListAsync(ct))
        {
            var name = reference.TryGetValue(procedure.Code, out var referenceName)
                && string.Equals(referenceName, procedure.Name, StringComparison.InvariantCultureIgnoreCase)
                ? referenceName
                : VietnameseText.SentenceCase(procedure.Name);
            if (name != procedure.Name)
                procedure.Name = name;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A new database gets the calendar for <see cref="CalendarYears"/>. Each year whose schedule has been announced
    /// since (2026, decided late 2025) and is not yet marked decided is corrected: the entries the seed once guessed are
    /// replaced by the announced ones, entries an administrator made are kept, and the year is recorded as decided.
    /// Due dates already promised on dossiers are stored and stay as they are (domain.md §4).
    /// </summary>
    private static async Task SeedCalendarAsync(AppDbContext db, CancellationToken ct)
    {
        var fresh = !await db.Calendar.AnyAsync(ct);
        if (fresh)
            db.Calendar.AddRange(CalendarYears.SelectMany(VietnamHolidays.Official)
                .Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        var decided = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var year in CalendarYears.Where(y => VietnamHolidays.IsAnnounced(y) && !decided.Contains(y)))
        {
            if (!fresh)
                await ReplaceGuessedEntriesAsync(db, year, ct);
            db.CalendarYears.Add(new CalendarYear { Year = year, ConfirmedAt = DateTime.UtcNow, ConfirmedBy = SystemActor, Basis = AnnouncedBasis });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task ReplaceGuessedEntriesAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var stored = await db.Calendar.Where(c => c.Date >= first && c.Date <= last).ToListAsync(ct);
        var official = VietnamHolidays.Official(year).ToDictionary(d => d.Date);
        // The guessed entries are updated in place or removed (never removed and re-added: Date is unique).
        foreach (var entry in stored.Where(c => c.CreatedBy is null or SystemActor))
        {
            if (official.Remove(entry.Date, out var decided))
                (entry.Kind, entry.Name) = (decided.Kind, decided.Name);
            else
                db.Calendar.Remove(entry);
        }
        var keptByAdministrators = stored.Where(c => c.CreatedBy is not (null or SystemActor)).Select(c => c.Date).ToHashSet();
        db.Calendar.AddRange(official.Values.Where(d => !keptByAdministrators.Contains(d.Date))
            .Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    }
}

using HcmcPortal.Domain;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Units;

/// <summary>
/// The one way to find units by date. A unit code alone is not an identity any more: the 2025 units reuse the codes
/// of old wards (Phường Sài Gòn has 26740, the code of the old Phường Bến Nghé, Quận 1), so every lookup by code
/// names the day it is about and gets the unit that existed on that day.
/// </summary>
public static class UnitQueries
{
    /// <summary>
    /// One page of the unit tree for the administrators' list, in tree order (a parent's path is a prefix of its
    /// children's): all units ever valid, old wards included. A search matches the start of a code or agency code, or
    /// any part of the name with or without diacritics, in any case ("go vap" finds "Quận Gò Vấp"). The names are
    /// folded here rather than in SQL, which has no diacritic folding common to SQLite and SQL Server: the tree is
    /// bounded by geography (≈ 500 units since 2024), not by history.
    /// </summary>
    public static async Task<(IReadOnlyList<UnitListRow> Rows, int Total)> PageAsync(AppDbContext db, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        var skip = Math.Max(page, 0) * pageSize;
        var units = db.Units.AsNoTracking().OrderBy(u => u.Path)
            .Select(u => new UnitListRow(u.Code, u.Name, u.Kind, u.Level, u.AgencyCode, u.ValidFrom, u.ValidTo));
        if (string.IsNullOrWhiteSpace(search))
        {
            var total = await units.CountAsync(ct);
            return (await units.Skip(skip).Take(pageSize).ToListAsync(ct), total);
        }

        var term = search.Trim();
        var folded = VietnameseText.Fold(term);
        var matches = (await units.ToListAsync(ct))
            .Where(u => u.Code.StartsWith(term, StringComparison.OrdinalIgnoreCase)
                || u.AgencyCode.StartsWith(term, StringComparison.OrdinalIgnoreCase)
                || VietnameseText.Fold(u.Name).Contains(folded, StringComparison.Ordinal))
            .ToList();
        return (matches.Skip(skip).Take(pageSize).ToList(), matches.Count);
    }

    /// <summary>Units that exist on <paramref name="day"/> (validity dates inclusive).</summary>
    public static IQueryable<AdministrativeUnit> ValidOn(this IQueryable<AdministrativeUnit> units, DateOnly day) =>
        units.Where(u => u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo >= day));

    /// <summary>The unit with <paramref name="code"/> that exists on <paramref name="day"/>, or null.</summary>
    public static Task<AdministrativeUnit?> ByCodeOnAsync(this IQueryable<AdministrativeUnit> units, string code, DateOnly day, CancellationToken ct = default) =>
        units.AsNoTracking().ValidOn(day).Where(u => u.Code == code).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The unit with <paramref name="code"/> that exists on <paramref name="day"/>, else the last one with that code
    /// that existed before it (a dissolved unit, so that the caller can say what replaced it), else null.
    /// </summary>
    public static async Task<AdministrativeUnit?> ByCodeAsOfAsync(this IQueryable<AdministrativeUnit> units, string code, DateOnly day, CancellationToken ct = default) =>
        await units.ByCodeOnAsync(code, day, ct)
        ?? await units.AsNoTracking().Where(u => u.Code == code && u.ValidFrom <= day).OrderByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct);

    /// <summary>The unit with <paramref name="code"/> that existed at some time in [from, to], the latest if two did.</summary>
    public static Task<AdministrativeUnit?> ByCodeDuringAsync(this IQueryable<AdministrativeUnit> units, string code, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        units.AsNoTracking().Where(u => u.Code == code && u.ValidFrom <= to && (u.ValidTo == null || u.ValidTo >= from))
            .OrderByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct);

    /// <summary>Names of the units valid on <paramref name="day"/> that (partly) replaced a dissolved unit, following the chain of successions.</summary>
    public static async Task<IReadOnlyList<string>> SuccessorNamesAsync(AppDbContext db, int unitId, DateOnly day, CancellationToken ct = default)
    {
        var names = new List<string>();
        var frontier = new List<int> { unitId };
        var seen = new HashSet<int> { unitId };
        // A chain is one link long today; the loop covers a later reorganisation of the 2025 units too.
        while (frontier.Count > 0)
        {
            var next = await db.UnitSuccessions.AsNoTracking().Where(s => frontier.Contains(s.PredecessorId))
                .Join(db.Units, s => s.SuccessorId, u => u.Id, (s, u) => new { u.Id, u.Name, u.ValidFrom, u.ValidTo })
                .ToListAsync(ct);
            frontier = [];
            foreach (var u in next.Where(u => seen.Add(u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal))
            {
                if (u.ValidFrom <= day && (u.ValidTo is null || u.ValidTo >= day))
                    names.Add(u.Name);
                else
                    frontier.Add(u.Id);
            }
        }
        return names;
    }
}

public sealed record UnitListRow(string Code, string Name, string Kind, UnitLevel Level, string AgencyCode, DateOnly ValidFrom, DateOnly? ValidTo);

using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>A unit as reports show it; its figures are those of its whole subtree (<see cref="Path"/> prefix).</summary>
public sealed record ReportUnit(int Id, string Code, string Name, string Path);

/// <summary>
/// One part of a report's range with the units the city had throughout it (<see cref="ReportingStructure"/>):
/// the districts up to 30/06/2025, the 168 commune-level units from 01/07/2025.
/// </summary>
public sealed record ReportSection(StructurePart Part, UnitLevel Level, IReadOnlyList<ReportUnit> Units)
{
    public ReportWindow Window(DateTime nowUtc) => ReportWindow.Of(Part.From, Part.To, nowUtc);
}

/// <summary>Which units reports list, and who may see which unit's detail (domain.md §1, issue 5 item 11).</summary>
public static class ReportUnits
{
    /// <summary>Named policy for every report page and endpoint: city/district leaders and DX evaluators.</summary>
    public const string ReadersPolicy = "ReportReaders";

    /// <summary>Roles allowed by <see cref="ReadersPolicy"/>, for <c>[Authorize(Roles = ...)]</c> on pages.</summary>
    public const string ReaderRoles = Roles.CityLeader + "," + Roles.DxEvaluator;

    /// <summary>
    /// The range split by the structure the city had (<see cref="ReportingStructure"/>), each part with every unit
    /// directly under the city that existed throughout it, so that a unit without dossiers shows zeros instead of
    /// silently missing, and a dissolved unit stays reportable for the periods it existed in.
    /// </summary>
    public static async Task<IReadOnlyList<ReportSection>> SectionsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var top = await db.Units.AsNoTracking().Where(u => u.Parent != null && u.Parent.Level == UnitLevel.Province)
            .OrderBy(u => u.Code).ThenBy(u => u.ValidFrom)
            .Select(u => new { Unit = new ReportUnit(u.Id, u.Code, u.Name, u.Path), u.Level, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        var parts = ReportingStructure.Split(from, to, ReportingStructure.ChangeDays(top.Select(u => (u.ValidFrom, u.ValidTo))));
        return [.. parts.Select(part =>
        {
            var units = top.Where(u => ReportingStructure.ExistedThroughout(u.ValidFrom, u.ValidTo, part)).ToList();
            // Directly under the city: districts before the reform, commune-level units after it.
            var level = units.Count > 0 && units.All(u => u.Level == UnitLevel.Commune) ? UnitLevel.Commune : UnitLevel.District;
            return new ReportSection(part, level, [.. units.Select(u => u.Unit)]);
        })];
    }

    /// <summary>The units a DX period (a calendar year) ranks: those of the structure in force at the end of the year, measured over the part of the year it was in force.</summary>
    public static async Task<ReportSection> DxSectionAsync(AppDbContext db, int year, CancellationToken ct) =>
        (await SectionsAsync(db, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct))[^1];

    /// <summary>What a section reports by, as the workbooks and the API name it (the screens use the same words from resources).</summary>
    public static string SectionTitle(UnitLevel level) => level == UnitLevel.Commune
        ? "theo phường, xã, đặc khu (cơ cấu từ 01/07/2025)"
        : "theo quận, huyện (cơ cấu đến 30/06/2025)";

    /// <summary>Evaluators see every unit; a leader sees the units in their own subtree (the city leader's is the city).</summary>
    public static bool CanSeeDetail(Actor actor, ReportUnit unit) =>
        actor.IsInRole(Roles.DxEvaluator)
        || (actor.IsInRole(Roles.CityLeader) && actor.UnitPath is { } path && unit.Path.StartsWith(path, StringComparison.Ordinal));

    public static bool IsReader(Actor? actor) => actor is not null && (actor.IsInRole(Roles.CityLeader) || actor.IsInRole(Roles.DxEvaluator));
}

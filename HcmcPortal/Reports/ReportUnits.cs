using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>A unit as reports show it; its figures are those of its whole subtree (<see cref="Path"/> prefix).</summary>
public sealed record ReportUnit(int Id, string Code, string Name, string Path);

/// <summary>Which units reports list, and who may see which unit's detail (domain.md §1, issue 5 item 11).</summary>
public static class ReportUnits
{
    /// <summary>Named policy for every report page and endpoint: city/district leaders and DX evaluators.</summary>
    public const string ReadersPolicy = "ReportReaders";

    /// <summary>Roles allowed by <see cref="ReadersPolicy"/>, for <c>[Authorize(Roles = ...)]</c> on pages.</summary>
    public const string ReaderRoles = Roles.CityLeader + "," + Roles.DxEvaluator;

    /// <summary>
    /// The district-level units (domain.md §7), every one of them, so that a unit without dossiers shows zeros
    /// instead of silently missing. Units stay listed after their ValidTo: history stays reportable under the units it had.
    /// </summary>
    public static async Task<IReadOnlyList<ReportUnit>> DistrictsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Code)
            .Select(u => new ReportUnit(u.Id, u.Code, u.Name, u.Path)).ToListAsync(ct);

    /// <summary>Evaluators see every unit; a leader sees the units in their own subtree (the city leader's is the city).</summary>
    public static bool CanSeeDetail(Actor actor, ReportUnit unit) =>
        actor.IsInRole(Roles.DxEvaluator)
        || (actor.IsInRole(Roles.CityLeader) && actor.UnitPath is { } path && unit.Path.StartsWith(path, StringComparison.Ordinal));

    public static bool IsReader(Actor? actor) => actor is not null && (actor.IsInRole(Roles.CityLeader) || actor.IsInRole(Roles.DxEvaluator));
}

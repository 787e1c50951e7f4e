using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.FeedbackReports;

/// <summary>One unit's figures; <see cref="Rank"/> is null when nothing fell due (no on-time rate to rank by).</summary>
public sealed record FeedbackUnitRow(ReportUnit Unit, FeedbackCounts Counts, int? Rank);

/// <summary>The leaders' figures for a period: every commune-level unit, ranked, and the city-wide total.</summary>
public sealed record FeedbackFiguresReport(ReportWindow Window, IReadOnlyList<FeedbackUnitRow> Rows, FeedbackCounts Total);

/// <summary>One of "the issues residents raised most": a category in a unit, with how many reports it had.</summary>
public sealed record TopIssue(int CategoryId, string CategoryName, ReportUnit Unit, int Count);

/// <summary>The periods the top-10 is shown for, each ending today.</summary>
public enum TopRange { Today, Week, Month }

/// <summary>A report in a drill-down list (a projection: no reporter, no text beyond the title).</summary>
public sealed record FeedbackListItem(string Code, string Title, string CategoryName, string UnitName, FeedbackStatus Status,
    DateTime SubmittedAt, DateTime? DueAt, DateTime? ResolvedAt, bool? ResolvedOnTime, int ReopenCount, bool? Satisfied);

public sealed record FeedbackListPage(IReadOnlyList<FeedbackListItem> Items, int Total);

/// <summary>
/// One ward seen whole (issue 13 item 6): its dossiers and its residents' reports in a period, and one satisfaction
/// score from both kinds of rating: (dossiers rated satisfied + answers rated satisfied) ÷ (dossier ratings + answer ratings).
/// </summary>
public sealed record UnitPicture(ReportUnit Unit, PartCounts Dossiers, FeedbackCounts Feedback)
{
    public int Ratings => Dossiers[MetricPart.Rated] + Feedback[FeedbackPart.Rated];
    public int Satisfied => Dossiers[MetricPart.RatedSatisfied] + Feedback[FeedbackPart.Satisfied];
    /// <summary>Null when nothing was rated.</summary>
    public double? SatisfactionScore => Ratings == 0 ? null : (double)Satisfied / Ratings;
}

/// <summary>A point of the heat map.</summary>
public sealed record HeatPoint(double Lat, double Lng);

/// <summary>
/// The leaders' and operations centre's figures on residents' reports (issue 13 item 5), per commune-level unit and
/// period, all from <see cref="FeedbackFigures"/>: the page, the drill-down, the workbook and the JSON read this service.
/// Who may read: city leaders and DX evaluators (<see cref="ReportUnits.ReadersPolicy"/>); a unit outside the reader's
/// subtree is "not found", as in the dossier reports.
/// </summary>
public sealed class FeedbackFiguresService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The heat map draws at most this many points (the newest of the period).</summary>
    public const int MaxHeatPoints = 20_000;

    public async Task<FeedbackFiguresReport> ComputeAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var window = ReportWindow.Of(from, to, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = (await CommuneUnitsAsync(db, from, to, ct)).Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
        var counts = await FeedbackFigures.CountByUnitAsync(db, window, now, units.Select(u => u.Id), ct);
        // Ranked by the on-time rate (the city's measure of a ward's handling), ties broken by satisfaction; a unit
        // with nothing due has no rate and is listed after the ranked ones.
        // One score keeps that order: the on-time rate in hundredths of a percent first, the satisfaction rate (≤ 10) after it.
        var rated = units.Where(u => counts[u.Id].OnTimeRate is not null)
            .Select(u => (Unit: u, Score: Math.Round(counts[u.Id].OnTimeRate!.Value * 10_000) * 100 + Math.Round((counts[u.Id].SatisfactionRate ?? 0) * 10, 2)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Unit.Code, StringComparer.Ordinal).ToList();
        var ranks = Ranking.CompetitionRanks([.. rated.Select(x => x.Score)]);
        var rows = rated.Select((x, i) => new FeedbackUnitRow(x.Unit, counts[x.Unit.Id], ranks[i]))
            .Concat(units.Where(u => counts[u.Id].OnTimeRate is null).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new FeedbackUnitRow(u, counts[u.Id], null)))
            .ToList();
        return new FeedbackFiguresReport(window, rows, FeedbackFigures.Sum(rows.Select(r => r.Counts)));
    }

    /// <summary>The period each <see cref="TopRange"/> covers, ending today (Vietnam dates): today, the last 7 days, the last 30 days.</summary>
    public (DateOnly From, DateOnly To) RangeOf(TopRange range)
    {
        var today = VietnamTime.Today(clock);
        return range switch
        {
            TopRange.Today => (today, today),
            TopRange.Week => (today.AddDays(-6), today),
            _ => (today.AddDays(-29), today),
        };
    }

    /// <summary>"The 10 issues residents raised most": reports of a period grouped by category and unit, counted in one query.</summary>
    public async Task<IReadOnlyList<TopIssue>> TopIssuesAsync(Actor actor, TopRange range, int take = 10, CancellationToken ct = default)
    {
        var (from, to) = RangeOf(range);
        var now = clock.GetUtcNow().UtcDateTime;
        var window = ReportWindow.Of(from, to, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = (await CommuneUnitsAsync(db, from, to, ct)).Where(u => ReportUnits.CanSeeDetail(actor, u)).ToDictionary(u => u.Id);
        var groups = await db.FeedbackReports.AsNoTracking().Where(FeedbackFigures.Predicate(FeedbackPart.Received, window, now))
            .GroupBy(r => new { r.CategoryId, r.UnitId })
            .Select(g => new { g.Key.CategoryId, g.Key.UnitId, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.CategoryId).ThenBy(g => g.UnitId)
            .ToListAsync(ct);
        var categories = await db.FeedbackCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. groups.Where(g => units.ContainsKey(g.UnitId)).Take(take)
            .Select(g => new TopIssue(g.CategoryId, categories.GetValueOrDefault(g.CategoryId, ""), units[g.UnitId], g.Count))];
    }

    /// <summary>The located reports of the period for the heat map (newest first, at most <see cref="MaxHeatPoints"/>).</summary>
    public async Task<IReadOnlyList<HeatPoint>> HeatPointsAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (!ReportUnits.IsReader(actor))
            return [];
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = actor.UnitPath ?? "/";
        return await db.FeedbackReports.AsNoTracking().Where(FeedbackFigures.Predicate(FeedbackPart.Received, ReportWindow.Of(from, to, now), now))
            .Where(r => r.Latitude != null && r.Longitude != null && (actor.IsInRole(Roles.DxEvaluator) || r.Unit!.Path.StartsWith(scope)))
            .OrderByDescending(r => r.SubmittedAt).Take(MaxHeatPoints)
            .Select(r => new HeatPoint(r.Latitude!.Value, r.Longitude!.Value)).ToListAsync(ct);
    }

    /// <summary>A ward's dossiers and reports side by side in a period; null when the unit is unknown or outside the actor's scope.</summary>
    public async Task<UnitPicture?> UnitPictureAsync(Actor actor, string unitCode, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (await UnitAsync(actor, unitCode, from, to, ct) is not { } unit)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var window = ReportWindow.Of(from, to, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dossiers = await PortalMetrics.CountByUnitAsync(db, window, [unit], ct);
        var feedback = await FeedbackFigures.CountByUnitAsync(db, window, now, [unit.Id], ct);
        return new UnitPicture(unit, dossiers[unit.Id], feedback[unit.Id]);
    }

    /// <summary>The unit that had <paramref name="unitCode"/> in the period, if the actor may see its detail.</summary>
    public async Task<ReportUnit?> UnitAsync(Actor actor, string unitCode, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await CommuneUnitsAsync(db, from, to, ct)).FirstOrDefault(u => u.Code == unitCode && ReportUnits.CanSeeDetail(actor, u));
    }

    /// <summary>
    /// The reports behind one figure (and, from the top-10, one category), newest first: exactly those counted. One
    /// unit by code, or every unit the actor may see when <paramref name="unitCode"/> is empty (the city-wide row).
    /// Null when the unit is unknown or outside the actor's scope.
    /// </summary>
    public async Task<FeedbackListPage?> DrillAsync(Actor actor, string? unitCode, FeedbackPart part, int? categoryId, DateOnly from, DateOnly to,
        int skip, int take, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = (await CommuneUnitsAsync(db, from, to, ct)).Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
        List<int> unitIds = string.IsNullOrEmpty(unitCode) ? [.. visible.Select(u => u.Id)] : [.. visible.Where(u => u.Code == unitCode).Select(u => u.Id)];
        if (unitIds.Count == 0)
            return null;
        var rows = FeedbackFigures.Reports(db, ReportWindow.Of(from, to, now), now, unitIds, part).AsNoTracking();
        if (categoryId is int category)
            rows = rows.Where(r => r.CategoryId == category);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Code).Skip(skip).Take(take)
            .Select(r => new FeedbackListItem(r.Code, r.Title, r.Category!.Name, r.Unit!.Name, r.Status, r.SubmittedAt, r.DueAt, r.ResolvedAt,
                r.ResolvedOnTime, r.ReopenCount, r.Satisfied))
            .ToListAsync(ct);
        return new FeedbackListPage(items, total);
    }

    /// <summary>The commune-level units directly under the city in the period (reports exist only from 01/07/2025).</summary>
    internal static async Task<IReadOnlyList<ReportUnit>> CommuneUnitsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await ReportUnits.SectionsAsync(db, from, to, ct)).Where(s => s.Level == UnitLevel.Commune).SelectMany(s => s.Units).DistinctBy(u => u.Id)];
}

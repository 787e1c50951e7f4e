using System.Text.Json;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

public sealed record DxPeriodInfo(int Id, int Year, int FrameworkId, string FrameworkName, string FrameworkVersion, bool Published, DateTime? PublishedAt, Guid Version);

/// <summary>A period's ranking: from its snapshot when published, else live and provisional ("Tạm tính").</summary>
public sealed record DxRanking(DxPeriodInfo Period, IReadOnlyList<DxUnitResult> Units)
{
    public bool Provisional => !Period.Published;
    /// <summary>The level of the units ranked: districts (2024), commune-level units (from 2025).</summary>
    public UnitLevel Level { get; init; } = UnitLevel.District;
}

/// <summary>
/// One point of a unit's trend over periods. Across the 2025 reform the point is another unit's: a 2025 unit's 2024
/// point is that of a district its area came from (through the old wards' <see cref="UnitSuccession"/> links), marked
/// <see cref="Partial"/> when the district's figure covers more (or less) than the unit.
/// </summary>
public sealed record DxTrendPoint(int Year, bool Published, int Rank, double Score, double Normalized, string UnitCode, string UnitName, bool Linked, bool Partial);

/// <summary>
/// DX scores and ranking per period (issue 5 item 4; issue 9 item 4). A period (a calendar year) ranks the units of
/// the structure in force at its end (<see cref="ReportUnits.DxSectionAsync"/>) on the framework it is bound to:
/// 2024 the 22 districts on the district framework, 2025 the 168 commune-level units on the commune framework with
/// measured data from 01/07/2025 (the first half of 2025 stays reportable by district in the service index and statistics). Live figures come from one grouped metrics query plus one
/// declarations query; a published period is always read from its <see cref="DxSnapshot"/> rows.
/// </summary>
public sealed class DxReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<DxPeriodInfo>> PeriodsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeriodQuery(db.DxPeriods.OrderBy(p => p.Year)).ToListAsync(ct);
    }

    public async Task<DxRanking?> RankingAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await PeriodQuery(db.DxPeriods.Where(p => p.Year == year)).FirstOrDefaultAsync(ct);
        if (period is null)
            return null;
        var level = (await ReportUnits.DxSectionAsync(db, year, ct)).Level;
        if (period.Published)
        {
            var details = await db.DxSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id)
                .OrderBy(s => s.Rank).ThenBy(s => s.UnitCode).Select(s => s.DetailJson).ToListAsync(ct);
            return new DxRanking(period, [.. details.Select(d => JsonSerializer.Deserialize<DxUnitResult>(d, Json)!)]) { Level = level };
        }
        return new DxRanking(period, await ComputeLiveAsync(db, period, ct)) { Level = level };
    }

    /// <summary>
    /// The period the ranking opens on: the latest one with data — published, or with a unit's declaration. A period
    /// just opened has none: its ranking would be measured components alone (an empty denominator earning full
    /// points), which says nothing yet. Null when there is no period.
    /// </summary>
    public async Task<int?> LatestYearWithDataAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DxPeriods.Where(p => p.Published || db.DxDeclarations.Any(d => d.PeriodId == p.Id))
            .MaxAsync(p => (int?)p.Year, ct) ?? await db.DxPeriods.MaxAsync(p => (int?)p.Year, ct);
    }

    /// <summary>
    /// Each unit's rank in the period before <paramref name="year"/>, by unit id. Across the 2025 reform the units
    /// differ, so a unit not ranked then (a new commune-level unit) has no entry and is shown as new. Null for the
    /// first period (nothing to compare with).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>?> PreviousRanksAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = await db.DxPeriods.AsNoTracking().Where(p => p.Year < year).MaxAsync(p => (int?)p.Year, ct);
        if (previous is null || await RankingAsync(previous.Value, ct) is not { } ranking)
            return null;
        return ranking.Units.ToDictionary(u => u.UnitId, u => u.Rank);
    }

    /// <summary>One district's result, or null when the period or unit is unknown or outside the actor's detail scope.</summary>
    public async Task<DxUnitResult?> UnitAsync(Actor actor, int year, string unitCode, CancellationToken ct = default)
    {
        var ranking = await RankingAsync(year, ct);
        var result = ranking?.Units.FirstOrDefault(u => u.UnitCode == unitCode);
        if (result is null)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == result.UnitId).Select(u => new ReportUnit(u.Id, u.Code, u.Name, u.Path)).FirstAsync(ct);
        return ReportUnits.CanSeeDetail(actor, unit) ? result : null;
    }

    /// <summary>The dates a period's measured components cover: the part of the year its structure was in force.</summary>
    public async Task<StructurePart> MeasuredPartAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ReportUnits.DxSectionAsync(db, year, ct)).Part;
    }

    /// <summary>Codes of the period's units whose detail the actor may open (all for the city level and evaluators, their own for a unit leader).</summary>
    public async Task<IReadOnlyList<string>> DetailScopeAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await ReportUnits.DxSectionAsync(db, year, ct)).Units.Where(u => ReportUnits.CanSeeDetail(actor, u)).Select(u => u.Code)];
    }

    /// <summary>
    /// The unit's score and rank in every period (each period computed once). In a period ranked by another structure
    /// the unit is traced through <see cref="UnitSuccession"/>: a 2025 unit shows the districts whose wards went into
    /// it, a district the 2025 units its wards went into; such points are linked, and partial unless the whole of one
    /// went into the other (a district's figure covers several new units, so in practice they are partial).
    /// </summary>
    public async Task<IReadOnlyList<DxTrendPoint>> TrendAsync(int unitId, CancellationToken ct = default)
    {
        var links = await LinkedUnitsAsync(unitId, ct);
        var points = new List<DxTrendPoint>();
        foreach (var period in await PeriodsAsync(ct))
        {
            var ranking = await RankingAsync(period.Year, ct);
            if (ranking is null)
                continue;
            if (ranking.Units.FirstOrDefault(u => u.UnitId == unitId) is { } own)
            {
                points.Add(new DxTrendPoint(period.Year, period.Published, own.Rank, own.Score, own.Normalized, own.UnitCode, own.UnitName, false, false));
                continue;
            }
            foreach (var u in ranking.Units.Where(u => links.ContainsKey(u.UnitId)).OrderBy(u => u.UnitCode, StringComparer.Ordinal))
                points.Add(new DxTrendPoint(period.Year, period.Published, u.Rank, u.Score, u.Normalized, u.UnitCode, u.UnitName, true, links[u.UnitId]));
        }
        return points;
    }

    /// <summary>
    /// Units linked to <paramref name="unitId"/> across a reorganisation, with whether the link is partial. Links are
    /// kept between wards (old ward → new unit), so a district is linked through its wards: district D and new unit N
    /// are linked when a ward of D went into N; the link is full only when every ward of D went wholly into N.
    /// </summary>
    private async Task<Dictionary<int, bool>> LinkedUnitsAsync(int unitId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return [];
        // Every link whose old side is the unit or below it, or whose new side is the unit: (old top unit, new unit, partial).
        var links = await (from s in db.UnitSuccessions.AsNoTracking()
                           join oldUnit in db.Units on s.PredecessorId equals oldUnit.Id
                           join newUnit in db.Units on s.SuccessorId equals newUnit.Id
                           where oldUnit.Path.StartsWith(unit.Path) || newUnit.Id == unit.Id || newUnit.Path.StartsWith(unit.Path)
                           select new { OldPath = oldUnit.Path, NewId = newUnit.Id, NewPath = newUnit.Path, s.Partial }).ToListAsync(ct);
        if (links.Count == 0)
            return [];
        var tops = await db.Units.AsNoTracking().Where(u => u.Parent != null && u.Parent.Level == UnitLevel.Province)
            .Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        int? TopOf(string path) => tops.FirstOrDefault(t => path.StartsWith(t.Path, StringComparison.Ordinal))?.Id;
        var result = new Dictionary<int, bool>();
        var isOldSide = links.Any(l => l.OldPath.StartsWith(unit.Path, StringComparison.Ordinal));
        foreach (var group in links.GroupBy(l => isOldSide ? TopOf(l.NewPath) : TopOf(l.OldPath)))
        {
            if (group.Key is not int other || other == unitId)
                continue;
            // Full only when one side went wholly, and only, into the other.
            var partial = group.Any(l => l.Partial) || links.Select(l => isOldSide ? TopOf(l.NewPath) : TopOf(l.OldPath)).Distinct().Count() > 1;
            result[other] = partial;
        }
        return result;
    }

    /// <summary>
    /// Publishes a period (evaluator): writes one snapshot per unit (score, rank, normalised, and the whole detail with
    /// indices, components, inputs and framework version) and marks the period published, in one transaction.
    /// </summary>
    public async Task<CommandResult> PublishAsync(Actor actor, int year, Guid expectedVersion, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.DxEvaluator))
            return CommandResult.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        // A unit of work with a transaction runs through the execution strategy, which may run it again from the start.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => PublishOnceAsync(db, actor, year, expectedVersion, ct));
    }

    private async Task<CommandResult> PublishOnceAsync(AppDbContext db, Actor actor, int year, Guid expectedVersion, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var period = await db.DxPeriods.FirstOrDefaultAsync(p => p.Year == year, ct);
        if (period is null)
            return new CommandResult(CommandStatus.NotFound, $"Không tìm thấy kỳ đánh giá {year}.");
        if (period.Version != expectedVersion)
            return new CommandResult(CommandStatus.Conflict, "Kỳ đánh giá vừa được người khác thay đổi. Dữ liệu đã được tải lại.");
        if (period.Published)
            return CommandResult.Invalid($"Kỳ {year} đã được công bố.");
        var info = await PeriodQuery(db.DxPeriods.Where(p => p.Id == period.Id)).FirstAsync(ct);
        var results = await ComputeLiveAsync(db, info, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Snapshots are derived rows, replaced whole; the publication itself is recorded on the period (PublishedBy, PublishedAt).
        await db.DxSnapshots.Where(s => s.PeriodId == period.Id).ExecuteDeleteAsync(ct);
        db.DxSnapshots.AddRange(results.Select(r => new DxSnapshot
        {
            PeriodId = period.Id, UnitId = r.UnitId, UnitCode = r.UnitCode, UnitName = r.UnitName, Rank = r.Rank,
            Score = r.Score, Normalized = r.Normalized, DetailJson = JsonSerializer.Serialize(r with { Provisional = false }, Json),
        }));
        period.Published = true;
        period.PublishedAt = clock.GetUtcNow().UtcDateTime;
        period.PublishedBy = actor.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CommandStatus.Conflict, "Kỳ đánh giá vừa được người khác thay đổi. Dữ liệu đã được tải lại.");
        }
        return new CommandResult(CommandStatus.Ok, $"Đã công bố kết quả kỳ {year}.", period.Version);
    }

    /// <summary>Live ranking: one grouped metrics query, one declarations query, the framework, then pure scoring.</summary>
    internal async Task<IReadOnlyList<DxUnitResult>> ComputeLiveAsync(AppDbContext db, DxPeriodInfo period, CancellationToken ct)
    {
        var framework = await LoadFrameworkAsync(db, period.FrameworkId, ct);
        // The units of the structure in force at the year's end, measured over the part of the year it was in force
        // (2025: the 168 units, from 01/07/2025).
        var section = await ReportUnits.DxSectionAsync(db, period.Year, ct);
        var units = section.Units;
        var now = clock.GetUtcNow().UtcDateTime;
        var measured = await PortalMetrics.CountByUnitAsync(db, section.Window(now), units, ct);
        var feedback = await FeedbackReports.FeedbackFigures.CountByUnitAsync(db, section.Window(now), now, units.Select(u => u.Id), ct);
        var declarations = (await db.DxDeclarations.AsNoTracking().Where(d => d.PeriodId == period.Id)
                .Select(d => new { d.UnitId, Input = new DxDeclarationInput(d.ComponentId, d.DeclaredRate, d.Status, d.ReviewedRate, d.ReviewNote, d.Evidence, d.EvidenceFileId) })
                .ToListAsync(ct))
            .GroupBy(d => d.UnitId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, DxDeclarationInput>)g.ToDictionary(x => x.Input.ComponentId, x => x.Input));
        var empty = new Dictionary<int, DxDeclarationInput>();
        return DxScoring.Rank([.. units.Select(u => DxScoring.Score(framework, u, measured[u.Id], declarations.GetValueOrDefault(u.Id) ?? empty, feedback[u.Id]))]);
    }

    public static async Task<DxFrameworkDef> LoadFrameworkAsync(AppDbContext db, int frameworkId, CancellationToken ct)
    {
        var fw = await db.DxFrameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => new { f.Id, f.Name, f.Version }).FirstAsync(ct);
        var indices = await db.DxIndices.AsNoTracking().Where(i => i.FrameworkId == frameworkId).OrderBy(i => i.Order)
            .Select(i => new { i.Id, i.Code, i.Name, i.MaxPoints }).ToListAsync(ct);
        var indexIds = indices.Select(i => i.Id).ToList();
        var components = await db.DxComponents.AsNoTracking().Where(c => indexIds.Contains(c.IndexId)).OrderBy(c => c.Order)
            .Select(c => new { c.IndexId, Def = new DxComponentDef(c.Id, c.Code, c.Name, c.MaxPoints, c.TargetRate, c.Source, c.Metric, c.EvidenceRequired) })
            .ToListAsync(ct);
        return new DxFrameworkDef(fw.Id, fw.Name, fw.Version,
            [.. indices.Select(i => new DxIndexDef(i.Code, i.Name, i.MaxPoints, [.. components.Where(c => c.IndexId == i.Id).Select(c => c.Def)]))]);
    }

    internal static IQueryable<DxPeriodInfo> PeriodQuery(IQueryable<DxPeriod> periods) =>
        periods.AsNoTracking().Select(p => new DxPeriodInfo(p.Id, p.Year, p.FrameworkId, p.Framework!.Name, p.Framework.Version, p.Published, p.PublishedAt, p.Version));
}

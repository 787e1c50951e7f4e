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
}

/// <summary>One point of a district's trend over periods.</summary>
public sealed record DxTrendPoint(int Year, bool Published, int Rank, double Score, double Normalized);

/// <summary>
/// DX scores and ranking per period (issue 5 item 4). Live figures come from one grouped metrics query plus one
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
        if (period.Published)
        {
            var details = await db.DxSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id)
                .OrderBy(s => s.Rank).ThenBy(s => s.UnitCode).Select(s => s.DetailJson).ToListAsync(ct);
            return new DxRanking(period, [.. details.Select(d => JsonSerializer.Deserialize<DxUnitResult>(d, Json)!)]);
        }
        return new DxRanking(period, await ComputeLiveAsync(db, period, ct));
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

    /// <summary>Codes of the districts whose detail the actor may open (all for the city level and evaluators, their own for a district leader).</summary>
    public async Task<IReadOnlyList<string>> DetailScopeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await ReportUnits.DistrictsAsync(db, ct)).Where(u => ReportUnits.CanSeeDetail(actor, u)).Select(u => u.Code)];
    }

    /// <summary>The unit's score and rank in every period (each period computed once).</summary>
    public async Task<IReadOnlyList<DxTrendPoint>> TrendAsync(string unitCode, CancellationToken ct = default)
    {
        var points = new List<DxTrendPoint>();
        foreach (var period in await PeriodsAsync(ct))
        {
            var ranking = await RankingAsync(period.Year, ct);
            if (ranking?.Units.FirstOrDefault(u => u.UnitCode == unitCode) is { } u)
                points.Add(new DxTrendPoint(period.Year, period.Published, u.Rank, u.Score, u.Normalized));
        }
        return points;
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
        var units = await ReportUnits.DistrictsAsync(db, ct);
        var measured = await PortalMetrics.CountByUnitAsync(db, ReportWindow.Year(period.Year, clock.GetUtcNow().UtcDateTime), units, ct);
        var declarations = (await db.DxDeclarations.AsNoTracking().Where(d => d.PeriodId == period.Id)
                .Select(d => new { d.UnitId, Input = new DxDeclarationInput(d.ComponentId, d.DeclaredRate, d.Status, d.ReviewedRate, d.ReviewNote, d.Evidence, d.EvidenceFileId) })
                .ToListAsync(ct))
            .GroupBy(d => d.UnitId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, DxDeclarationInput>)g.ToDictionary(x => x.Input.ComponentId, x => x.Input));
        var empty = new Dictionary<int, DxDeclarationInput>();
        return DxScoring.Rank([.. units.Select(u => DxScoring.Score(framework, u, measured[u.Id], declarations.GetValueOrDefault(u.Id) ?? empty))]);
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

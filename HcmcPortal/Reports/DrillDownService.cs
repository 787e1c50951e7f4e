using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Privacy;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>What a drill-down lists: one part of one metric, for one unit subtree and date range.</summary>
public sealed record DrillDownQuery(PortalMetric Metric, MetricPart Part, string UnitCode, DateOnly From, DateOnly To);

/// <summary>A dossier row of a drill-down list or listing export (a projection, never the entity).</summary>
public sealed record DrillDossier
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string ProcedureName { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    public DossierChannel Channel { get; init; }
    public DossierStatus Status { get; init; }
    public DateTime? ReceivedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int SupplementCount { get; init; }
    public SatisfactionLevel? Rating { get; init; }
}

public sealed record DrillDownPage(IReadOnlyList<DrillDossier> Items, int Total);

/// <summary>
/// The dossiers behind a rate (issue 5 item 7), with the exact predicates of <see cref="PortalMetrics"/>, so the
/// count here equals the numerator or denominator shown. Scoped by <see cref="ActorQueries.VisibleTo"/> as well as by
/// the report access rule: a unit outside the actor's scope is "not found".
/// </summary>
public sealed class DrillDownService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, PersonalDataLog accessLog)
{
    public static DrillDownQuery? Parse(string? metric, string? part, string? unit, string? from, string? to)
    {
        var m = PortalMetrics.Find(metric);
        if (m is null || string.IsNullOrWhiteSpace(unit) || ReportPeriod.Parse(from, to, out _) is not (DateOnly f, DateOnly t))
            return null;
        var p = string.Equals(part, "numerator", StringComparison.OrdinalIgnoreCase) ? m.Numerator : m.Denominator;
        return new DrillDownQuery(m, p, unit, f, t);
    }

    /// <summary>The unit that had <paramref name="unitCode"/> during the period (codes are reused across the 2025 reform); null when outside scope.</summary>
    public async Task<ReportUnit?> UnitAsync(Actor actor, string unitCode, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Units.ByCodeDuringAsync(unitCode, from, to, ct);
        var unit = found is null ? null : new ReportUnit(found.Id, found.Code, found.Name, found.Path);
        return unit is not null && ReportUnits.CanSeeDetail(actor, unit) ? unit : null;
    }

    /// <summary>One page, newest received first; null when the unit is outside scope.</summary>
    public async Task<DrillDownPage?> PageAsync(Actor actor, DrillDownQuery q, int skip, int take, CancellationToken ct = default)
    {
        if (await UnitAsync(actor, q.UnitCode, q.From, q.To, ct) is not { } unit)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Rows(db, actor, unit, q);
        var total = await rows.CountAsync(ct);
        var items = await Project(db, rows).OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Code).Skip(skip).Take(take).ToListAsync(ct);
        // The list shows applicants' names.
        await accessLog.SaveAsync(db, actor, PersonalDataScreens.DrillDown, items.Select(i => new ViewedDossier(i.Id, i.Code)), ct: ct);
        return new DrillDownPage(items, total);
    }

    /// <summary>
    /// The whole list in pages of <paramref name="pageSize"/> (keyset on Code), for streaming exports in bounded memory.
    /// Each page is logged before it is handed over. The next page is read and logged on another thread while the caller
    /// writes this one (on two cores the query and the log overlap the file's writing), so at most one page is read
    /// and logged ahead; stopping early cancels it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<DrillDossier>> PagesAsync(Actor actor, ReportUnit unit, DrillDownQuery q, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ahead = Task.Run(() => ReadAndLogAsync(actor, unit, q, null, pageSize, stop.Token), stop.Token);
        try
        {
            while (true)
            {
                var page = await ahead;
                if (page.Count == 0)
                    yield break;
                var last = page.Count < pageSize;
                if (!last)
                {
                    var after = page[^1].Code;
                    ahead = Task.Run(() => ReadAndLogAsync(actor, unit, q, after, pageSize, stop.Token), stop.Token);
                }
                yield return page;
                if (last)
                    yield break;
            }
        }
        finally
        {
            if (!ahead.IsCompleted)
            {
                await stop.CancelAsync();
                try
                {
                    await ahead;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    private async Task<List<DrillDossier>> ReadAndLogAsync(Actor actor, ReportUnit unit, DrillDownQuery q, string? after, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Rows(db, actor, unit, q);
        if (after is not null)
            rows = rows.Where(r => string.Compare(r.D.Code, after) > 0);
        var page = await Project(db, rows).OrderBy(d => d.Code).Take(pageSize).ToListAsync(ct);
        await accessLog.SaveAsync(db, actor, PersonalDataScreens.ListingExport, page.Select(i => new ViewedDossier(i.Id, i.Code)), ct: ct);
        return page;
    }

    public async Task<int> CountAsync(Actor actor, ReportUnit unit, DrillDownQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, actor, unit, q).CountAsync(ct);
    }

    private IQueryable<MetricRow> Rows(AppDbContext db, Actor actor, ReportUnit unit, DrillDownQuery q) =>
        PortalMetrics.Dossiers(db, db.Dossiers.AsNoTracking().VisibleTo(actor), ReportWindow.Of(q.From, q.To, clock.GetUtcNow().UtcDateTime), unit.Path, q.Part);

    private static IQueryable<DrillDossier> Project(AppDbContext db, IQueryable<MetricRow> rows) =>
        from r in rows
        join p in db.Procedures on r.D.ProcedureId equals p.Id
        select new DrillDossier
        {
            Id = r.D.Id, Code = r.D.Code, ProcedureName = p.Name, ApplicantName = r.D.ApplicantName, Channel = r.D.Channel, Status = r.D.Status,
            ReceivedAt = r.D.ReceivedAt, DueAt = r.D.DueAt, FinishedAt = r.D.FinishedAt, SupplementCount = r.D.SupplementCount, Rating = r.Rating,
        };
}

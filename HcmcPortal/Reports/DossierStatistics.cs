using System.Linq.Expressions;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>The columns of the dossier statistics (domain.md §9, OpenCPS v2 issues 1068/1070).</summary>
public enum StatColumn
{
    CarriedOver = 0,
    ReceivedOnline = 1,
    ReceivedInPerson = 2,
    ResolvedEarly = 3,
    ResolvedOnTime = 4,
    ResolvedLate = 5,
    Returned = 6,
    Withdrawn = 7,
    Refused = 8,
    Stopped = 9,
    InProcessNotDue = 10,
    InProcessOverdue = 11,
}

public enum StatGrouping
{
    Unit,
    Procedure,
    Officer,
}

/// <summary>One row: a unit, procedure or officer and its counts per <see cref="StatColumn"/>.</summary>
public sealed record StatRow(string Key, string Code, string Name, int[] Values)
{
    public int this[StatColumn c] => Values[(int)c];
    public int Received => this[StatColumn.ReceivedOnline] + this[StatColumn.ReceivedInPerson];
    public int Resolved => this[StatColumn.ResolvedEarly] + this[StatColumn.ResolvedOnTime] + this[StatColumn.ResolvedLate];
    public int InProcess => this[StatColumn.InProcessNotDue] + this[StatColumn.InProcessOverdue];
}

/// <summary>
/// Rows over one window. By unit: one section per structure the city had in the range (the districts up to
/// 30/06/2025, the 168 units from 01/07/2025, <see cref="ReportUnits.SectionsAsync"/>), <see cref="Level"/> set;
/// by procedure or officer: one section over the whole range.
/// </summary>
public sealed record StatSection(ReportWindow Window, UnitLevel? Level, IReadOnlyList<StatRow> Rows)
{
    /// <summary>Per section: "carried over" and "in process" of two parts would count a dossier twice.</summary>
    public StatRow Total => new("", "", "Tổng cộng", [.. Enumerable.Range(0, StatisticsService.Columns.Count).Select(i => Rows.Sum(r => r.Values[i]))]);
}

public sealed record StatReport(ReportWindow Window, StatGrouping Grouping, IReadOnlyList<StatSection> Sections)
{
    public bool Straddles => Sections.Count > 1;
    /// <summary>Every section's rows in order.</summary>
    public IReadOnlyList<StatRow> Rows { get; } = [.. Sections.SelectMany(s => s.Rows)];
}

/// <summary>
/// Dossier statistics for a date range per unit (by the structure each part of the range had), per procedure and
/// per officer, from one grouped query each (per section).
/// <list type="bullet">
/// <item>Carried over: received before the range and not finished before it.</item>
/// <item>Received: in the range, online / in person. Refused-at-reception dossiers are never "received"; they have their own column.</item>
/// <item>Resolved early / on time / late: a result (granted, or rejected after appraisal) in the range. Early = on a
/// calendar day before the due date, late = after DueAt or with more than one supplement request (Decision 766).</item>
/// <item>Returned: results handed back in the range. Withdrawn, refused, stopped: in the range.</item>
/// <item>Still in process at the end of the range (or now): not yet due / overdue.</item>
/// </list>
/// <para>Officer: the specialist the dossier is assigned to (Dossier.AssignedOfficerId — the one who appraises and
/// proposes the result, Decree 61/2018 art. 19); dossiers not assigned to anyone form the row "Chưa phân công".</para>
/// </summary>
public sealed class StatisticsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static IReadOnlyList<(StatColumn Column, string Title)> Columns { get; } =
    [
        (StatColumn.CarriedOver, "Kỳ trước chuyển sang"),
        (StatColumn.ReceivedOnline, "Tiếp nhận trực tuyến"),
        (StatColumn.ReceivedInPerson, "Tiếp nhận trực tiếp"),
        (StatColumn.ResolvedEarly, "Giải quyết trước hạn"),
        (StatColumn.ResolvedOnTime, "Giải quyết đúng hạn"),
        (StatColumn.ResolvedLate, "Giải quyết trễ hạn"),
        (StatColumn.Returned, "Đã trả kết quả"),
        (StatColumn.Withdrawn, "Rút hồ sơ"),
        (StatColumn.Refused, "Từ chối tiếp nhận"),
        (StatColumn.Stopped, "Dừng xử lý"),
        (StatColumn.InProcessNotDue, "Đang xử lý — chưa đến hạn"),
        (StatColumn.InProcessOverdue, "Đang xử lý — quá hạn"),
    ];

    public const string UnassignedKey = "";

    public async Task<StatReport> ComputeAsync(Actor actor, DateOnly from, DateOnly to, StatGrouping grouping, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var w = ReportWindow.Of(from, to, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var predicates = Columns.Select(c => Predicate(c.Column, w)).ToList();
        var rows = MetricRow.From(db, db.Dossiers.VisibleTo(actor)).Where(Relevant(w));
        var sections = await ReportUnits.SectionsAsync(db, from, to, ct);
        var units = sections.SelectMany(s => s.Units).Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
        switch (grouping)
        {
            case StatGrouping.Unit:
                var unitSections = new List<StatSection>();
                foreach (var section in sections)
                {
                    var sw = section.Window(now);
                    var visibleUnits = section.Units.Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
                    unitSections.Add(new StatSection(sw, section.Level, [.. (await ByUnitAsync(db, sw, visibleUnits, ct))
                        .Select(x => new StatRow(x.Unit.Id.ToString(), x.Unit.Code, x.Unit.Name, x.Values))]));
                }
                return new StatReport(w, grouping, unitSections);
            case StatGrouping.Procedure:
                var byProcedure = await SeesWholeCityAsync(db, actor, ct)
                    ? await ByProcedureAsync(db, w, ct)
                    : await GroupedCounter.CountAsync(rows, r => r.D.ProcedureId, predicates, ct);
                var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
                return new StatReport(w, grouping, [new StatSection(w, null, [.. procedures.Select(p => new StatRow(p.Id.ToString(), p.Code, p.Name,
                    byProcedure.GetValueOrDefault(p.Id) ?? new int[Columns.Count]))])]);
            default:
                var byOfficer = await VisibleUnitIdsAsync(db, actor, ct) is (true, var unitIds)
                    ? await ByOfficerAsync(db, w, unitIds, ct)
                    : await GroupedCounter.CountAsync(rows, r => r.D.AssignedOfficerId ?? UnassignedKey, predicates, ct);
                var paths = units.Select(u => u.Path).ToList();
                var specialists = await (from u in db.Users.AsNoTracking()
                                         join ur in db.UserRoles on u.Id equals ur.UserId
                                         join role in db.Roles on ur.RoleId equals role.Id
                                         where role.Name == Roles.Specialist && u.UnitId != null
                                         select new { u.Id, u.FullName, u.Email, UnitPath = u.Unit!.Path }).ToListAsync(ct);
                var officers = specialists.Where(s => paths.Any(p => s.UnitPath.StartsWith(p, StringComparison.Ordinal)))
                    .Select(s => (s.Id, s.Email ?? "", s.FullName))
                    // An officer who left scope or lost the role still appears when dossiers are assigned to them.
                    .Concat(byOfficer.Keys.Where(k => k != UnassignedKey && specialists.All(s => s.Id != k)).Select(k => (k, "", "Cán bộ khác")))
                    .OrderBy(o => o.Item3, StringComparer.Ordinal).ToList();
                var officerRows = officers.Select(o => new StatRow(o.Item1, o.Item2, o.Item3, byOfficer.GetValueOrDefault(o.Item1) ?? new int[Columns.Count])).ToList();
                officerRows.Add(new StatRow(UnassignedKey, "", "Chưa phân công", byOfficer.GetValueOrDefault(UnassignedKey) ?? new int[Columns.Count]));
                return new StatReport(w, grouping, [new StatSection(w, null, officerRows)]);
        }
    }

    /// <summary>
    /// The columns per unit from the roll-ups: the events of the window's days (received, resolved, returned, …);
    /// "carried over" = received − closed before the window, from the roll-ups of the days before it; "in process"
    /// at the window's end (<see cref="InProcessAsync"/>).
    /// </summary>
    private static async Task<IReadOnlyList<(ReportUnit Unit, int[] Values)>> ByUnitAsync(AppDbContext db, ReportWindow w, IReadOnlyList<ReportUnit> units, CancellationToken ct)
    {
        var inWindow = await DossierRollups.SumAsync(db, byUnit: true, w.From, w.To, ct);
        var before = await DossierRollups.SumAsync(db, byUnit: true, DateOnly.MinValue, w.From.AddDays(-1), ct);
        // Every dossier of the units shown counts in their subtree's figures, so no scope filter (which would steer
        // SQLite away from the (FinishedAt, ReceivedAt) index); a computed key, for the same reason.
        var inProcess = await DossierRollups.ByReportUnitAsync(db, await InProcessAsync(db, w, db.Dossiers, inWindow, before,
            (from, to) => DossierRollups.SumAsync(db, byUnit: true, from, to, ct), r => r.D.UnitId + 0, ct), units, ct, width: 2);
        var inWindowByUnit = await DossierRollups.ByReportUnitAsync(db, inWindow, units, ct);
        var beforeByUnit = await DossierRollups.ByReportUnitAsync(db, before, units, ct);
        return [.. units.Select(u => (u, Combine(inWindowByUnit[u.Id], beforeByUnit[u.Id], inProcess[u.Id])))];
    }

    /// <summary>The same columns per procedure, from the day × procedure roll-ups (every unit's dossiers: for city-wide readers).</summary>
    private static async Task<Dictionary<int, int[]>> ByProcedureAsync(AppDbContext db, ReportWindow w, CancellationToken ct)
    {
        var inWindow = await DossierRollups.SumAsync(db, byUnit: false, w.From, w.To, ct);
        var before = await DossierRollups.SumAsync(db, byUnit: false, DateOnly.MinValue, w.From.AddDays(-1), ct);
        var inProcess = await InProcessAsync(db, w, db.Dossiers, inWindow, before,
            (from, to) => DossierRollups.SumAsync(db, byUnit: false, from, to, ct), r => r.D.ProcedureId + 0, ct);
        var empty = new int[DossierRollups.Columns.Count];
        return inWindow.Keys.Concat(before.Keys).Concat(inProcess.Keys).Distinct().ToDictionary(id => id,
            id => Combine(inWindow.GetValueOrDefault(id) ?? empty, before.GetValueOrDefault(id) ?? empty, inProcess.GetValueOrDefault(id) ?? [0, 0]));
    }

    /// <summary>
    /// The same columns per assigned officer from the day × unit × officer roll-ups of <paramref name="unitIds"/> (null:
    /// every unit). Only officers with a figure are kept, as the grouped query over the dossiers found them.
    /// </summary>
    private static async Task<Dictionary<string, int[]>> ByOfficerAsync(AppDbContext db, ReportWindow w, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var inWindow = await DossierRollups.SumByOfficerAsync(db, w.From, w.To, unitIds, ct);
        var before = await DossierRollups.SumByOfficerAsync(db, DateOnly.MinValue, w.From.AddDays(-1), unitIds, ct);
        var scope = unitIds is null ? db.Dossiers : db.Dossiers.Where(d => unitIds.Contains(d.UnitId));
        // A computed key, so that SQLite keeps seeking the open dossiers instead of walking the AssignedOfficerId index.
        var inProcess = await InProcessAsync(db, w, scope, inWindow, before,
            (from, to) => DossierRollups.SumByOfficerAsync(db, from, to, unitIds, ct), r => (r.D.AssignedOfficerId ?? UnassignedKey) + "", ct);
        var empty = new int[DossierRollups.Columns.Count];
        return inWindow.Keys.Concat(before.Keys).Concat(inProcess.Keys).Distinct()
            .Select(id => (id, Values: Combine(inWindow.GetValueOrDefault(id) ?? empty, before.GetValueOrDefault(id) ?? empty, inProcess.GetValueOrDefault(id) ?? [0, 0])))
            .Where(x => x.Values.Any(v => v != 0))
            .ToDictionary(x => x.id, x => x.Values);
    }

    /// <summary>
    /// "In process" at the window's end per key: [not yet due, overdue] at its as-of moment. All of them = received −
    /// closed up to its last day (the roll-ups <paramref name="before"/> and <paramref name="inWindow"/> it; nothing
    /// closes before it is received); overdue = all − not yet due. Not yet due, for an ended window: the
    /// <see cref="DossierRollup.NotDueFrom"/> − <see cref="DossierRollup.NotDueUntil"/> intervals of the same days; for
    /// a window not yet ended (as of now): the open ones not yet due now (<see cref="PortalMetrics.NotYetDueAsync"/>)
    /// and those finished after the window's end (normally none), read from the dossiers.
    /// </summary>
    private static async Task<Dictionary<TKey, int[]>> InProcessAsync<TKey>(AppDbContext db, ReportWindow w, IQueryable<Dossier> scope,
        Dictionary<TKey, int[]> inWindow, Dictionary<TKey, int[]> before, Func<DateOnly, DateOnly, Task<Dictionary<TKey, int[]>>> rollups,
        Expression<Func<MetricRow, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var ended = w.AsOfUtc >= w.ToUtc;
        var to = w.ToUtc;
        var finishedAfter = ended ? new Dictionary<TKey, int[]>() : await GroupedCounter.CountAsync(MetricRow.From(db, scope.Where(d => d.FinishedAt >= to && d.ReceivedAt < to)), key,
            [Predicate(StatColumn.InProcessNotDue, w)], ct);
        var notYetDue = ended ? new Dictionary<TKey, int[]>() : await PortalMetrics.NotYetDueAsync(db, w, scope, DateTime.MinValue, withoutDueDate: true, rollups, key, ct);
        int UpToEnd(TKey k, int counter) => (before.TryGetValue(k, out var b) ? b[counter] : 0) + (inWindow.TryGetValue(k, out var i) ? i[counter] : 0);
        return inWindow.Keys.Concat(before.Keys).Concat(notYetDue.Keys).Concat(finishedAfter.Keys).Distinct().ToDictionary(k => k, k =>
        {
            var open = UpToEnd(k, DossierRollups.Index(MetricPart.Received)) - UpToEnd(k, DossierRollups.ClosedAfterReceiptIndex);
            var notDue = ended
                ? UpToEnd(k, DossierRollups.NotDueFromIndex) - UpToEnd(k, DossierRollups.NotDueUntilIndex)
                : (notYetDue.TryGetValue(k, out var n) ? n[0] : 0) + (finishedAfter.TryGetValue(k, out var f) ? f[0] : 0);
            return new[] { notDue, open - notDue };
        });
    }

    /// <summary>
    /// The units whose dossiers <see cref="ActorQueries.VisibleTo"/> lets the actor see, for reading roll-ups:
    /// (true, null) every unit; (true, ids) those units; (false, _) not a unit scope (an applicant's own dossiers).
    /// </summary>
    private static async Task<(bool ByUnits, IReadOnlyCollection<int>? UnitIds)> VisibleUnitIdsAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (await SeesWholeCityAsync(db, actor, ct))
            return (true, null);
        if (actor.IsInRole(Roles.CityLeader) && actor.UnitPath is { } path)
            return (true, await db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct));
        if (actor.IsOfficer)
            return (true, actor.UnitId is int unit ? [unit] : []);
        return (false, null);
    }

    /// <summary>The statistics columns from window roll-ups, roll-ups before the window and the in-process pair (not due, overdue).</summary>
    private static int[] Combine(int[] inWindow, int[] before, int[] inProcess)
    {
        var values = new int[Columns.Count];
        foreach (var (column, _) in Columns)
            values[(int)column] = column switch
            {
                StatColumn.CarriedOver => before[DossierRollups.Index(MetricPart.Received)] - before[DossierRollups.ClosedAfterReceiptIndex],
                StatColumn.InProcessNotDue => inProcess[0],
                StatColumn.InProcessOverdue => inProcess[1],
                _ => inWindow[DossierRollups.Index(column)],
            };
        return values;
    }

    /// <summary>Whether the actor's scope is the whole city (then the day × procedure roll-ups are exactly what they may see).</summary>
    private static async Task<bool> SeesWholeCityAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        actor.SeesWholeCity
        || (actor.IsInRole(Roles.CityLeader) && actor.UnitPath is { } path && !await db.Units.AnyAsync(u => !u.Path.StartsWith(path), ct));

    /// <summary>Only dossiers that can fall in some column: anything that happened before the window ended and was not over before it began.</summary>
    private static Expression<Func<MetricRow, bool>> Relevant(ReportWindow w)
    {
        var from = w.FromUtc;
        var to = w.ToUtc;
        return r => r.D.SubmittedAt < to && (r.D.FinishedAt == null || r.D.FinishedAt >= from || r.D.ReturnedAt >= from);
    }

    public static Expression<Func<MetricRow, bool>> Predicate(StatColumn column, ReportWindow w)
    {
        var from = w.FromUtc;
        var to = w.ToUtc;
        var asOf = w.AsOfUtc;
        var hours = VietnamTime.Offset.TotalHours;
        Expression<Func<MetricRow, bool>> resolved = r => (r.D.Stage == DossierStage.ResultReady || r.D.Stage == DossierStage.Returned)
            && r.D.FinishedAt >= from && r.D.FinishedAt < to && r.D.DueAt != null;
        Expression<Func<MetricRow, bool>> late = r => r.D.FinishedAt > r.D.DueAt || r.D.SupplementCount > 1;
        // Early = on a Vietnam calendar day before the due date (DeadlineCalculator.Classify).
        Expression<Func<MetricRow, bool>> early = r => r.D.FinishedAt!.Value.AddHours(hours).Date < r.D.DueAt!.Value.AddHours(hours).Date;
        Expression<Func<MetricRow, bool>> inProcess = r => r.D.ReceivedAt < to && (r.D.FinishedAt == null || r.D.FinishedAt >= to);
        Expression<Func<MetricRow, bool>> overdue = r => r.D.SupplementCount > 1 || r.D.DueAt < asOf;
        Expression<Func<MetricRow, bool>> closedInWindow = r => r.D.FinishedAt >= from && r.D.FinishedAt < to;
        return column switch
        {
            StatColumn.CarriedOver => r => r.D.ReceivedAt < from && (r.D.FinishedAt == null || r.D.FinishedAt >= from),
            StatColumn.ReceivedOnline => r => r.D.ReceivedAt >= from && r.D.ReceivedAt < to && r.D.Channel == DossierChannel.Online,
            StatColumn.ReceivedInPerson => r => r.D.ReceivedAt >= from && r.D.ReceivedAt < to && r.D.Channel == DossierChannel.InPerson,
            StatColumn.ResolvedEarly => resolved.And(late.Not()).And(early),
            StatColumn.ResolvedOnTime => resolved.And(late.Not()).And(early.Not()),
            StatColumn.ResolvedLate => resolved.And(late),
            StatColumn.Returned => r => r.D.ReturnedAt >= from && r.D.ReturnedAt < to,
            StatColumn.Withdrawn => closedInWindow.And(r => r.D.Stage == DossierStage.Withdrawn),
            StatColumn.Refused => closedInWindow.And(r => r.D.Stage == DossierStage.Refused),
            StatColumn.Stopped => closedInWindow.And(r => r.D.Stage == DossierStage.Stopped),
            StatColumn.InProcessNotDue => inProcess.And(overdue.Not()),
            StatColumn.InProcessOverdue => inProcess.And(overdue),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown column."),
        };
    }
}

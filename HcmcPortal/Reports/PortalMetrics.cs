using System.Linq.Expressions;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Localization;

namespace HcmcPortal.Reports;

/// <summary>The sets of dossiers the portal's rates are made of. Each is one predicate in <see cref="PortalMetrics.Predicate"/>.</summary>
public enum MetricPart
{
    /// <summary>Received (accepted for processing) in the window: the population of every dossier rate.</summary>
    Received = 0,
    Online = 1,
    Digitised = 2,
    /// <summary>Of those received, finished with a result (granted or rejected after appraisal) before the as-of time.</summary>
    Finished = 3,
    FinishedOnTime = 4,
    ResultDigitised = 5,
    WithFee = 6,
    PaidOnline = 7,
    Overdue = 8,
    Complaint = 9,
    SatisfiedHandling = 10,
    Rated = 11,
    RatedSatisfied = 12,
}

/// <summary>A named rate: numerator ÷ denominator, both <see cref="MetricPart"/>s.</summary>
public sealed record PortalMetric(string Name, MetricPart Numerator, MetricPart Denominator)
{
    /// <summary>The title in the reader's language (pages).</summary>
    public string Title => PortalMetrics.TitleOf(Name);

    /// <summary>The Vietnamese title whatever the culture: workbooks and exports are a leader's file, in Vietnamese.</summary>
    public string VietnameseTitle => PortalMetrics.VietnameseTitleOf(Name);
}

/// <summary>Numerator and denominator of one rate for one unit; <see cref="Rate"/> is null when nothing was owed.</summary>
public sealed record RateCount(int Numerator, int Denominator)
{
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;
}

/// <summary>The counts of every <see cref="MetricPart"/> for one unit.</summary>
public sealed record PartCounts(int[] Values)
{
    public static PartCounts Zero => new(new int[PortalMetrics.PartCount]);
    public int this[MetricPart part] => Values[(int)part];
    public RateCount Of(PortalMetric metric) => new(this[metric.Numerator], this[metric.Denominator]);
    public PartCounts Plus(int[] other) => new([.. Values.Zip(other, (a, b) => a + b)]);
}

/// <summary>
/// THE definitions of the portal's measured rates (domain.md §5), used by the service-quality index, the DX measured
/// components, the drill-down lists and the exports alike.
/// <list type="bullet">
/// <item>Population: dossiers received (accepted for processing) in the window; refused-at-reception ones never are.</item>
/// <item>Finished: result ready or returned (granted, or rejected after appraisal, art. 19(8)) before the as-of time.
/// Withdrawn and stopped dossiers have no result and are left out of timeliness.</item>
/// <item>On time: finished on or before DueAt (supplement time is already excluded: the clock restarts, art. 19(4))
/// with at most one supplement request — more than one counts as overdue (Decision 766, domain.md §5).</item>
/// <item>Overdue: finished late, more than one supplement request, or unfinished at the as-of time and past DueAt.</item>
/// <item>Complaint: an applicant's "not satisfied" rating. The portal has no separate complaints register, so this is
/// our reading of Decision 766's "phản ánh, kiến nghị". A complaint about a dossier already counted overdue is not
/// counted again, so each dossier loses the unit at most once.</item>
/// <item>Satisfaction (Decision 766): 100 % − (overdue rate + complaint rate) = dossiers neither overdue nor
/// complained about ÷ dossiers received.</item>
/// </list>
/// </summary>
public static class PortalMetrics
{
    public const string OnlineShare = "OnlineShare";
    public const string OnTimeRate = "OnTimeRate";
    public const string DossierDigitisedRate = "DossierDigitisedRate";
    public const string ResultDigitisedRate = "ResultDigitisedRate";
    public const string OnlinePaymentRate = "OnlinePaymentRate";
    public const string SatisfactionRate = "SatisfactionRate";
    public const string RatingSatisfiedRate = "RatingSatisfiedRate";

    public static readonly int PartCount = Enum.GetValues<MetricPart>().Length;

    public static IReadOnlyList<PortalMetric> All { get; } =
    [
        new(OnlineShare, MetricPart.Online, MetricPart.Received),
        new(OnTimeRate, MetricPart.FinishedOnTime, MetricPart.Finished),
        new(DossierDigitisedRate, MetricPart.Digitised, MetricPart.Received),
        new(ResultDigitisedRate, MetricPart.ResultDigitised, MetricPart.Finished),
        new(OnlinePaymentRate, MetricPart.PaidOnline, MetricPart.WithFee),
        new(SatisfactionRate, MetricPart.SatisfiedHandling, MetricPart.Received),
        new(RatingSatisfiedRate, MetricPart.RatedSatisfied, MetricPart.Rated),
    ];

    public static PortalMetric? Find(string? name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A measured metric's title (the portal's rates, and any other measured metric with a <c>Reports.Metric.*</c> text,
    /// such as the feedback on-time rate) in the reader's language; the name itself when there is none.
    /// </summary>
    public static string TitleOf(string metric) => UiTexts.Find($"Reports.Metric.{metric}") ?? metric;

    public static string VietnameseTitleOf(string metric) => UiTexts.Vietnamese($"Reports.Metric.{metric}") ?? metric;

    /// <summary>The set of dossiers a part counts, in the reader's language.</summary>
    public static string PartTitle(MetricPart part) => UiTexts.Get($"Reports.MetricPart.{part}");

    public static string VietnamesePartTitle(MetricPart part) => UiTexts.Vietnamese($"Reports.MetricPart.{part}") ?? part.ToString();

    /// <summary>The set of dossiers behind <paramref name="part"/> in <paramref name="w"/>.</summary>
    public static Expression<Func<MetricRow, bool>> Predicate(MetricPart part, ReportWindow w)
    {
        var from = w.FromUtc;
        var to = w.ToUtc;
        var asOf = w.AsOfUtc;
        Expression<Func<MetricRow, bool>> received = r => r.D.ReceivedAt >= from && r.D.ReceivedAt < to;
        Expression<Func<MetricRow, bool>> finished = r => (r.D.Stage == DossierStage.ResultReady || r.D.Stage == DossierStage.Returned) && r.D.FinishedAt < asOf;
        Expression<Func<MetricRow, bool>> overdue = r => r.D.SupplementCount > 1
            || (r.D.DueAt != null
                && (((r.D.Stage == DossierStage.ResultReady || r.D.Stage == DossierStage.Returned) && r.D.FinishedAt < asOf && r.D.FinishedAt > r.D.DueAt)
                    || ((r.D.FinishedAt == null || r.D.FinishedAt >= asOf) && r.D.DueAt < asOf)));
        return part switch
        {
            MetricPart.Received => received,
            MetricPart.Online => received.And(r => r.D.Channel == DossierChannel.Online),
            MetricPart.Digitised => received.And(r => r.D.IsDigitised),
            MetricPart.Finished => received.And(finished),
            MetricPart.FinishedOnTime => received.And(finished).And(r => r.D.DueAt != null && r.D.FinishedAt <= r.D.DueAt && r.D.SupplementCount <= 1),
            MetricPart.ResultDigitised => received.And(finished).And(r => r.D.ResultDigitised),
            MetricPart.WithFee => received.And(r => r.D.FeeVnd > 0),
            MetricPart.PaidOnline => received.And(r => r.D.FeeVnd > 0 && r.D.FeePaidOnline),
            MetricPart.Overdue => received.And(overdue),
            MetricPart.Complaint => received.And(overdue.Not()).And(r => r.Rating == SatisfactionLevel.NotSatisfied),
            MetricPart.SatisfiedHandling => received.And(overdue.Not()).And(r => r.Rating == null || r.Rating != SatisfactionLevel.NotSatisfied),
            MetricPart.Rated => received.And(r => r.Rating != null),
            MetricPart.RatedSatisfied => received.And(r => r.Rating == SatisfactionLevel.Satisfied),
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown metric part."),
        };
    }

    /// <summary>
    /// Every part for every unit of <paramref name="units"/> (each unit = its subtree, by UnitPath prefix). Units
    /// without dossiers get zeros. Aggregates, not dossiers: callers decide who may see which unit's figures.
    /// <para>Read from the roll-ups (<see cref="DossierRollups"/>: the window's days, counted as of the end of time),
    /// then corrected from the dossiers received in the window that were still open at the as-of moment — the only
    /// ones whose parts depend on it (finished, overdue), narrowed to those where they do differ (<see cref="AsOfDependent"/>):
    /// their parts as of then replace those the roll-ups counted.
    /// For a window that has not ended these are today's open dossiers; so a report reads rows per day and unit, not
    /// per dossier.</para>
    /// </summary>
    public static async Task<Dictionary<int, PartCounts>> CountByUnitAsync(AppDbContext db, ReportWindow w, IReadOnlyList<ReportUnit> units, CancellationToken ct)
    {
        var rolled = await DossierRollups.ByReportUnitAsync(db, await DossierRollups.SumAsync(db, byUnit: true, w.From, w.To, ct), units, ct);
        var asOfNever = w with { AsOfUtc = DateTime.MaxValue };
        var asOfNow = w.AsOfUtc < w.ToUtc;
        // A window not yet ended: the dossiers finished after now (normally none) from the dossiers, the open ones not
        // yet due from the due-day counters; an ended one: every dossier open at its end that differs.
        var dependent = asOfNow
            ? MetricRow.From(db, db.Dossiers.Where(d => d.FinishedAt >= w.AsOfUtc && d.ReceivedAt >= w.FromUtc && d.ReceivedAt < w.ToUtc))
            : OpenAt(db, w).Where(AsOfDependent(w));
        var correction = await GroupedCounter.CountAsync(dependent, OpenDossierKey, [.. AllPredicates(w), .. AllPredicates(asOfNever)], ct);
        var notYetDue = asOfNow
            ? await DossierRollups.ByReportUnitAsync(db, await NotYetDueAsync(db, w, db.Dossiers, w.FromUtc, withoutDueDate: false,
                (from, to) => DossierRollups.SumAsync(db, byUnit: true, from, to, ct), r => r.D.UnitId + 0, ct), units, ct, width: 2)
            : null;
        return units.ToDictionary(u => u.Id, u =>
        {
            var values = rolled[u.Id][..PartCount];
            foreach (var (path, counts) in correction.Where(kv => kv.Key.StartsWith(u.Path, StringComparison.Ordinal)))
                for (var i = 0; i < PartCount; i++)
                    values[i] += counts[i] - counts[PartCount + i];
            if (notYetDue?[u.Id] is [var open, var notSatisfied])
            {
                // Counted overdue as of the end of time; as of now not overdue, so a complaint or satisfied handling.
                values[(int)MetricPart.Overdue] -= open;
                values[(int)MetricPart.Complaint] += notSatisfied;
                values[(int)MetricPart.SatisfiedHandling] += open - notSatisfied;
            }
            return new PartCounts(values);
        });
    }

    /// <summary>
    /// Received, not finished, at most one supplement request: such a dossier is overdue only once its due date has
    /// passed (the due-day counters <see cref="DossierRollup.OpenByDueDay"/> count it).
    /// </summary>
    public static readonly Expression<Func<MetricRow, bool>> OpenNotOverdueByCount =
        r => r.D.ReceivedAt != null && r.D.FinishedAt == null && r.D.SupplementCount <= 1;

    /// <summary>
    /// For a window not yet ended (its as-of moment is now), per key: [count, of which rated not satisfied] of the
    /// dossiers of <paramref name="scope"/> received in [<paramref name="receivedFromUtc"/>, window end),
    /// <see cref="OpenNotOverdueByCount"/> and not yet due now (with <paramref name="withoutDueDate"/>, also those
    /// without a due date). Those due on a later day come from the due-day roll-ups (<paramref name="rollups"/>: sums
    /// over days of the grain keyed as <paramref name="key"/>); the dossiers read are only the small, indexed rest:
    /// due later today, and those the roll-ups counted but received outside the range.
    /// </summary>
    public static async Task<Dictionary<TKey, int[]>> NotYetDueAsync<TKey>(AppDbContext db, ReportWindow w, IQueryable<Dossier> scope, DateTime receivedFromUtc,
        bool withoutDueDate, Func<DateOnly, DateOnly, Task<Dictionary<TKey, int[]>>> rollups, Expression<Func<MetricRow, TKey>> key, CancellationToken ct)
        where TKey : notnull
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(w.AsOfUtc));
        var result = new Dictionary<TKey, int[]>();
        void Add(TKey k, int open, int notSatisfied)
        {
            if (!result.TryGetValue(k, out var values))
                result[k] = values = new int[2];
            values[0] += open;
            values[1] += notSatisfied;
        }
        var lastDueDay = withoutDueDate ? DossierRollups.NeverDue : DossierRollups.NeverDue.AddDays(-1);
        foreach (var (k, sums) in await rollups(today.AddDays(1), lastDueDay))
            Add(k, sums[DossierRollups.OpenByDueDayIndex], sums[DossierRollups.OpenByDueDayNotSatisfiedIndex]);

        foreach (var (sign, rows, predicates) in NotYetDueReads(db, w, scope, receivedFromUtc, withoutDueDate))
            foreach (var (k, counts) in await GroupedCounter.CountAsync(rows, key, predicates, ct))
                Add(k, sign * counts[0], sign * counts[1]);
        return result;
    }

    /// <summary>
    /// The dossier reads of <see cref="NotYetDueAsync"/>, each [count, of which not satisfied] to add with its sign:
    /// those the due-day roll-ups counted but received outside the range — after its end (normally none) and, for a
    /// range with a start, before it (open since: the (FinishedAt, ReceivedAt) index) — and those due later today
    /// (the DueAt index).
    /// </summary>
    public static IReadOnlyList<(int Sign, IQueryable<MetricRow> Rows, Expression<Func<MetricRow, bool>>[] Predicates)> NotYetDueReads(
        AppDbContext db, ReportWindow w, IQueryable<Dossier> scope, DateTime receivedFromUtc, bool withoutDueDate)
    {
        var (asOf, to) = (w.AsOfUtc, w.ToUtc);
        var tomorrowUtc = VietnamTime.ToUtc(DateOnly.FromDateTime(VietnamTime.ToLocal(asOf)).AddDays(1).ToDateTime(TimeOnly.MinValue));
        Expression<Func<MetricRow, bool>> notSatisfied = r => r.Rating == SatisfactionLevel.NotSatisfied;
        Expression<Func<MetricRow, bool>> dueAhead = withoutDueDate ? r => r.D.DueAt == null || r.D.DueAt >= tomorrowUtc : r => r.D.DueAt >= tomorrowUtc;
        var counted = OpenNotOverdueByCount.And(dueAhead);
        var hasStart = receivedFromUtc > DateTime.MinValue;
        var dueToday = scope.Where(d => d.DueAt >= asOf && d.DueAt < tomorrowUtc && d.ReceivedAt < to);
        if (hasStart)
            dueToday = dueToday.Where(d => d.ReceivedAt >= receivedFromUtc);
        List<(int, IQueryable<MetricRow>, Expression<Func<MetricRow, bool>>[])> reads =
        [
            (-1, MetricRow.From(db, scope.Where(d => d.FinishedAt == null && d.ReceivedAt >= to)).Where(counted), [counted, counted.And(notSatisfied)]),
            (+1, MetricRow.From(db, dueToday), [OpenNotOverdueByCount, OpenNotOverdueByCount.And(notSatisfied)]),
        ];
        if (hasStart)
            // Filtered, not only counted: most of those open since an earlier year are long overdue, and SQLite then
            // skips their rating lookup.
            reads.Add((-1, MetricRow.From(db, scope.Where(d => d.FinishedAt == null && d.ReceivedAt < receivedFromUtc)).Where(counted), [counted, counted.And(notSatisfied)]));
        return reads;
    }

    /// <summary>
    /// The unit path as a computed value: grouped by the bare column, SQLite walks the whole UnitPath index to save a
    /// sort instead of seeking the few open dossiers through the (FinishedAt, ReceivedAt) index.
    /// </summary>
    public static readonly Expression<Func<MetricRow, string>> OpenDossierKey = r => r.D.UnitPath + "";

    /// <summary>Dossiers received in the window and not yet finished at its as-of moment.</summary>
    public static IQueryable<MetricRow> OpenAt(AppDbContext db, ReportWindow w)
    {
        var (from, to, asOf) = (w.FromUtc, w.ToUtc, w.AsOfUtc);
        return MetricRow.From(db, db.Dossiers.Where(d => (d.FinishedAt == null || d.FinishedAt >= asOf) && d.ReceivedAt >= from && d.ReceivedAt < to));
    }

    /// <summary>
    /// Of the dossiers open at the window's as-of moment (<see cref="OpenAt"/>), those whose parts as of then differ from
    /// their parts as of the end of time: finished after it (the finished parts), or still unfinished, due after it and
    /// with at most one supplement request (overdue at the end of time, not yet at the as-of moment). An unfinished
    /// dossier without a due date, already due, or with two supplement requests has the same parts either way.
    /// </summary>
    public static Expression<Func<MetricRow, bool>> AsOfDependent(ReportWindow w)
    {
        var asOf = w.AsOfUtc;
        return r => r.D.FinishedAt != null || (r.D.SupplementCount <= 1 && r.D.DueAt >= asOf);
    }

    public static IReadOnlyList<Expression<Func<MetricRow, bool>>> AllPredicates(ReportWindow w) =>
        [.. Enum.GetValues<MetricPart>().Select(p => Predicate(p, w))];

    /// <summary>The dossiers in <paramref name="part"/> for a unit subtree: exactly those counted (drill-down, exports).</summary>
    public static IQueryable<MetricRow> Dossiers(AppDbContext db, IQueryable<Dossier> visible, ReportWindow w, string unitPath, MetricPart part) =>
        MetricRow.From(db, visible.Where(d => d.UnitPath.StartsWith(unitPath))).Where(Predicate(part, w));
}

using System.Linq.Expressions;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.FeedbackReports;

/// <summary>The sets of residents' reports the leaders' figures are made of; each is one predicate in <see cref="FeedbackFigures.Predicate"/>.</summary>
public enum FeedbackPart
{
    /// <summary>Sent in the period and in the unit's charge now (a transfer moves a report to the receiving unit).</summary>
    Received = 0,
    Accepted = 1,
    ResolvedOnTime = 2,
    ResolvedLate = 3,
    OpenNotDue = 4,
    OpenOverdue = 5,
    Refused = 6,
    Reopened = 7,
    Rated = 8,
    Satisfied = 9,
    /// <summary>Resolved (on time or late) or still open past its due time: the reports the on-time rate is over.</summary>
    Due = 10,
    /// <summary>Sent in the period and transferred away by the unit (counted from the timeline, not by the unit in charge).</summary>
    TransferredOut = 11,
}

/// <summary>Every part's count for one unit, with the mean time to resolve its answered reports.</summary>
public sealed record FeedbackCounts(int[] Values, double? MeanDaysToResolve)
{
    public static FeedbackCounts Zero => new(new int[FeedbackFigures.PartCount], null);
    public int this[FeedbackPart part] => Values[(int)part];

    /// <summary>Resolved on time ÷ due (<see cref="FeedbackPart.Due"/>); null when nothing fell due.</summary>
    public double? OnTimeRate => this[FeedbackPart.Due] == 0 ? null : (double)this[FeedbackPart.ResolvedOnTime] / this[FeedbackPart.Due];

    /// <summary>Satisfied ÷ rated; null when no answer was rated.</summary>
    public double? SatisfactionRate => this[FeedbackPart.Rated] == 0 ? null : (double)this[FeedbackPart.Satisfied] / this[FeedbackPart.Rated];
}

/// <summary>
/// THE definitions of the figures on residents' reports (issue 13 items 5 and 6), used by the leaders' page, the
/// drill-down lists, the workbook, <c>/api/v1/reports/feedback</c>, the service-quality index and the DX index alike.
/// <list type="bullet">
/// <item>Population: reports sent in the period (SubmittedAt, Vietnam dates), counted for the unit in charge now.</item>
/// <item>Where they stand now: resolved on time (<see cref="FeedbackReport.ResolvedOnTime"/>, false after a reopening),
/// resolved late, still open and not yet due, still open past the running step's due time, or refused. These five
/// parts add up to the reports received.</item>
/// <item>Open while waiting for the reporter: the clock is stopped, so never overdue.</item>
/// <item>Satisfaction: satisfied ÷ rated, on the rating of the latest answer.</item>
/// </list>
/// </summary>
public static class FeedbackFigures
{
    public static readonly int PartCount = Enum.GetValues<FeedbackPart>().Length;

    /// <summary>The DX framework's name for the reports' on-time rate (a measured component reads it like a <see cref="PortalMetrics"/> rate; its title is <c>Reports.Metric.FeedbackOnTimeRate</c>).</summary>
    public const string OnTimeMetric = "FeedbackOnTimeRate";

    /// <summary>Numerator and denominator of a measured DX metric on reports; null when the name is not one.</summary>
    public static RateCount? Rate(string? metric, FeedbackCounts counts) =>
        string.Equals(metric, OnTimeMetric, StringComparison.OrdinalIgnoreCase) ? new RateCount(counts[FeedbackPart.ResolvedOnTime], counts[FeedbackPart.Due]) : null;

    /// <summary>The parts counted on the reports in the unit's charge (every part but <see cref="FeedbackPart.TransferredOut"/>).</summary>
    public static readonly IReadOnlyList<FeedbackPart> ReportParts = [.. Enum.GetValues<FeedbackPart>().Where(p => p != FeedbackPart.TransferredOut)];

    public static Expression<Func<FeedbackReport, bool>> Predicate(FeedbackPart part, ReportWindow w, DateTime nowUtc)
    {
        var from = w.FromUtc;
        var to = w.ToUtc;
        Expression<Func<FeedbackReport, bool>> received = r => r.SubmittedAt >= from && r.SubmittedAt < to;
        Expression<Func<FeedbackReport, bool>> answered = r => r.Status == FeedbackStatus.Resolved || r.Status == FeedbackStatus.Published;
        Expression<Func<FeedbackReport, bool>> open = r => r.Status == FeedbackStatus.Submitted || r.Status == FeedbackStatus.Accepted || r.Status == FeedbackStatus.AwaitingInfo;
        Expression<Func<FeedbackReport, bool>> pastDue = r => r.DueAt != null && r.DueAt < nowUtc;
        return part switch
        {
            FeedbackPart.Received => received,
            FeedbackPart.Accepted => received.And(r => r.AcceptedAt != null),
            FeedbackPart.ResolvedOnTime => received.And(answered).And(r => r.ResolvedOnTime == true),
            FeedbackPart.ResolvedLate => received.And(answered).And(r => r.ResolvedOnTime != true),
            FeedbackPart.OpenNotDue => received.And(open).And(pastDue.Not()),
            FeedbackPart.OpenOverdue => received.And(open).And(pastDue),
            FeedbackPart.Refused => received.And(r => r.Status == FeedbackStatus.Refused),
            FeedbackPart.Reopened => received.And(r => r.ReopenCount > 0),
            FeedbackPart.Rated => received.And(r => r.Satisfied != null),
            FeedbackPart.Satisfied => received.And(r => r.Satisfied == true),
            FeedbackPart.Due => received.And(answered.Or(open.And(pastDue))),
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Counted from the timeline, not from a report predicate."),
        };
    }

    /// <summary>a OR b over the same report.</summary>
    private static Expression<Func<FeedbackReport, bool>> Or(this Expression<Func<FeedbackReport, bool>> a, Expression<Func<FeedbackReport, bool>> b) =>
        a.Not().And(b.Not()).Not();

    /// <summary>
    /// The reports behind <paramref name="part"/> for some units: exactly those their figures count (drill-down, tests).
    /// For all units, a report transferred out by two of them is listed once but counted by each.
    /// </summary>
    public static IQueryable<FeedbackReport> Reports(AppDbContext db, ReportWindow w, DateTime nowUtc, IReadOnlyCollection<int> unitIds, FeedbackPart part) =>
        part == FeedbackPart.TransferredOut
            ? db.FeedbackReports.Where(Predicate(FeedbackPart.Received, w, nowUtc))
                .Where(r => db.FeedbackEvents.Any(e => e.ReportId == r.Id && e.Action == FeedbackAction.Transfer && e.FromUnitId != null && unitIds.Contains(e.FromUnitId.Value)))
            : db.FeedbackReports.Where(r => unitIds.Contains(r.UnitId)).Where(Predicate(part, w, nowUtc));

    /// <summary>
    /// Every part for every unit, from three grouped queries over the period's reports (indexed on SubmittedAt): the
    /// parts by unit in charge, the transfers out by transferring unit, and the answered reports' times to resolve.
    /// Units without reports get zeros.
    /// </summary>
    public static async Task<Dictionary<int, FeedbackCounts>> CountByUnitAsync(AppDbContext db, ReportWindow w, DateTime nowUtc, IEnumerable<int> unitIds, CancellationToken ct)
    {
        var inPeriod = db.FeedbackReports.AsNoTracking().Where(Predicate(FeedbackPart.Received, w, nowUtc));
        var byUnit = await GroupedCounter.CountAsync(inPeriod, r => r.UnitId, [.. ReportParts.Select(p => Predicate(p, w, nowUtc))], ct);
        var transfersOut = await db.FeedbackEvents.AsNoTracking()
            .Where(e => e.Action == FeedbackAction.Transfer && e.FromUnitId != null && inPeriod.Any(r => r.Id == e.ReportId))
            .Select(e => new { e.ReportId, UnitId = e.FromUnitId!.Value }).Distinct()
            .GroupBy(e => e.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Mean time to resolve, in days: the answered reports' two dates only (a projection of the period, not the rows).
        var resolveTimes = (await inPeriod.Where(r => (r.Status == FeedbackStatus.Resolved || r.Status == FeedbackStatus.Published) && r.ResolvedAt != null)
                .Select(r => new { r.UnitId, r.SubmittedAt, ResolvedAt = r.ResolvedAt!.Value }).ToListAsync(ct))
            .GroupBy(r => r.UnitId)
            .ToDictionary(g => g.Key, g => g.Average(r => (r.ResolvedAt - r.SubmittedAt).TotalDays));
        return unitIds.Distinct().ToDictionary(id => id, id =>
        {
            var values = new int[PartCount];
            if (byUnit.TryGetValue(id, out var counted))
                for (var i = 0; i < ReportParts.Count; i++)
                    values[(int)ReportParts[i]] = counted[i];
            values[(int)FeedbackPart.TransferredOut] = transfersOut.GetValueOrDefault(id);
            return new FeedbackCounts(values, resolveTimes.TryGetValue(id, out var mean) ? mean : null);
        });
    }

    /// <summary>The sum over several units (a city-wide row); the mean time is weighted by each unit's answered reports.</summary>
    public static FeedbackCounts Sum(IEnumerable<FeedbackCounts> rows)
    {
        var list = rows.ToList();
        var values = new int[PartCount];
        foreach (var row in list)
            for (var i = 0; i < PartCount; i++)
                values[i] += row.Values[i];
        var answered = list.Where(r => r.MeanDaysToResolve is not null).ToList();
        var weight = answered.Sum(r => r[FeedbackPart.ResolvedOnTime] + r[FeedbackPart.ResolvedLate]);
        double? mean = weight == 0 ? null : answered.Sum(r => r.MeanDaysToResolve!.Value * (r[FeedbackPart.ResolvedOnTime] + r[FeedbackPart.ResolvedLate])) / weight;
        return new FeedbackCounts(values, mean);
    }
}

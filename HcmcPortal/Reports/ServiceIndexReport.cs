using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>One unit's service-quality index with the counts it was computed from.</summary>
public sealed record ServiceIndexRow(ReportUnit Unit, ServiceIndexInputs Inputs, PartCounts Counts, ServiceIndexResult Result);

public sealed record ServiceIndexReport(ReportWindow Window, IReadOnlyList<ServiceIndexRow> Rows);

/// <summary>
/// The service-quality index of Decision 766 (domain.md §5) per district for any date range, fed by
/// <see cref="PortalMetrics"/> (one grouped query for all units).
/// <para>Procedure indicators (1.1, 4.1) come from the city's procedures catalogue, which every district applies:
/// published procedures count as "published completely" and published fully-online ones as "online public services".
/// Indicator 1.2 (progress trackable): every dossier received through the portal can be tracked on /tra-cuu.</para>
/// </summary>
public sealed class ServiceIndexService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The rows the actor may see: every district for the city level and evaluators, their own for a district leader.</summary>
    public async Task<ServiceIndexReport> ComputeAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var window = ReportWindow.Of(from, to, clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = (await ReportUnits.DistrictsAsync(db, ct)).Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
        var counts = await PortalMetrics.CountByUnitAsync(db, window, units, ct);
        var procedures = await db.Procedures.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Published = g.Count(p => p.IsPublished), Online = g.Count(p => p.IsPublished && p.FullyOnline) })
            .FirstOrDefaultAsync(ct);
        return new ServiceIndexReport(window, [.. units.Select(u =>
        {
            var inputs = Inputs(counts[u.Id], procedures?.Total ?? 0, procedures?.Published ?? 0, procedures?.Online ?? 0);
            return new ServiceIndexRow(u, inputs, counts[u.Id], ServiceQualityIndex.Compute(inputs));
        })]);
    }

    public static ServiceIndexInputs Inputs(PartCounts c, int proceduresTotal, int proceduresPublished, int proceduresOnline) => new()
    {
        ProceduresTotal = proceduresTotal,
        ProceduresPublishedComplete = proceduresPublished,
        ProceduresFullyOnline = proceduresOnline,
        DossiersTotal = c[MetricPart.Received],
        DossiersOnline = c[MetricPart.Online],
        DossiersWithTrackedProgress = c[MetricPart.Received],
        DossiersFinished = c[MetricPart.Finished],
        FinishedOnTime = c[MetricPart.FinishedOnTime],
        DossiersDigitised = c[MetricPart.Digitised],
        ResultsDigitised = c[MetricPart.ResultDigitised],
        FeeDossiers = c[MetricPart.WithFee],
        FeePaidOnline = c[MetricPart.PaidOnline],
        Overdue = c[MetricPart.Overdue],
        Complaints = c[MetricPart.Complaint],
        Ratings = c[MetricPart.Rated],
        RatingsSatisfied = c[MetricPart.RatedSatisfied],
    };

    /// <summary>The metric behind an indicator, so that the screen can link its rate to the dossiers (null for procedure indicators).</summary>
    public static string? MetricOf(string indicatorCode) => indicatorCode switch
    {
        "2.1" => PortalMetrics.OnTimeRate,
        "3.1" => PortalMetrics.DossierDigitisedRate,
        "3.2" => PortalMetrics.ResultDigitisedRate,
        "4.2" => PortalMetrics.OnlineShare,
        "4.3" => PortalMetrics.OnlinePaymentRate,
        "5.1" => PortalMetrics.SatisfactionRate,
        "5.2" => PortalMetrics.RatingSatisfiedRate,
        _ => null,
    };
}

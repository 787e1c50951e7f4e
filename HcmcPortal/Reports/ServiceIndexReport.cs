using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>One unit's service-quality index with the counts it was computed from.</summary>
public sealed record ServiceIndexRow(ReportUnit Unit, ServiceIndexInputs Inputs, PartCounts Counts, ServiceIndexResult Result)
{
    /// <summary>The unit's figures on residents' reports (indicators 5.3 and 5.4).</summary>
    public FeedbackReports.FeedbackCounts Feedback { get; init; } = FeedbackReports.FeedbackCounts.Zero;
}

/// <summary>The index of one structure part (<see cref="ReportSection"/>): the districts, or the 168 units.</summary>
public sealed record ServiceIndexSection(ReportWindow Window, UnitLevel Level, IReadOnlyList<ServiceIndexRow> Rows)
{
    /// <summary>The rows best first with their competition rank (<see cref="Ranking.CompetitionRanks"/>: ties share a rank).</summary>
    public IReadOnlyList<(int Rank, ServiceIndexRow Row)> Ranked()
    {
        var ranks = Ranking.CompetitionRanks([.. Rows.Select(r => r.Result.Total)]);
        return [.. Rows.Select((row, i) => (ranks[i], row)).OrderBy(x => x.Item1).ThenBy(x => x.row.Unit.Code, StringComparer.Ordinal)];
    }

    /// <summary>The section's rate of one indicator over all its units: Σ numerators ÷ Σ denominators, null when nothing was owed.</summary>
    public double? CombinedRate(string indicatorCode)
    {
        var indicators = Rows.SelectMany(r => r.Result.Groups).SelectMany(g => g.Indicators).Where(i => i.Code == indicatorCode).ToList();
        var denominator = indicators.Sum(i => i.Denominator);
        return denominator == 0 ? null : indicators.Sum(i => i.Numerator) / (double)denominator;
    }
}

/// <summary>A range's index, one section per structure the city had in it (two when it straddles 01/07/2025).</summary>
public sealed record ServiceIndexReport(ReportWindow Window, IReadOnlyList<ServiceIndexSection> Sections)
{
    public bool Straddles => Sections.Count > 1;
    /// <summary>Every section's rows in order (one section's, unless the range straddles a change).</summary>
    public IReadOnlyList<ServiceIndexRow> Rows { get; } = [.. Sections.SelectMany(s => s.Rows)];
}

/// <summary>
/// The service-quality index of Decision 766 (domain.md §5) per unit directly under the city for any date range —
/// districts before 01/07/2025, the 168 commune-level units from then (<see cref="ReportUnits.SectionsAsync"/>) —
/// fed by <see cref="PortalMetrics"/> (one grouped query per section for all its units).
/// <para>Procedure indicators (1.1, 4.1) come from the city's procedures catalogue, which every district applies, as it
/// stood at the end of the period (<see cref="ProceduresAtAsync"/>, from the editor's publication dates): procedures in
/// force then count as "published completely", and those fully online as "online public services".
/// Indicator 1.2 (progress trackable): every dossier received through the portal can be tracked on /tra-cuu.
/// Indicators 5.3 and 5.4 read the unit's residents' reports (<see cref="FeedbackReports.FeedbackFigures"/>).</para>
/// </summary>
public sealed class ServiceIndexService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The rows the actor may see: every unit for the city level and evaluators, their own for a unit leader.</summary>
    public async Task<ServiceIndexReport> ComputeAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sections = new List<ServiceIndexSection>();
        foreach (var section in await ReportUnits.SectionsAsync(db, from, to, ct))
        {
            var window = section.Window(now);
            var units = section.Units.Where(u => ReportUnits.CanSeeDetail(actor, u)).ToList();
            var counts = await PortalMetrics.CountByUnitAsync(db, window, units, ct);
            var feedback = await FeedbackReports.FeedbackFigures.CountByUnitAsync(db, window, now, units.Select(u => u.Id), ct);
            var procedures = await ProceduresAtAsync(db, window.ToUtc, ct);
            sections.Add(new ServiceIndexSection(window, section.Level, [.. units.Select(u =>
            {
                var inputs = Inputs(counts[u.Id], procedures?.Total ?? 0, procedures?.Published ?? 0, procedures?.Online ?? 0, feedback[u.Id]);
                return new ServiceIndexRow(u, inputs, counts[u.Id], ServiceQualityIndex.Compute(inputs)) { Feedback = feedback[u.Id] };
            })]));
        }
        return new ServiceIndexReport(ReportWindow.Of(from, to, now), sections);
    }

    /// <summary>
    /// The catalogue as it stood at <paramref name="endUtc"/>, from the publication dates the editor keeps: procedures
    /// published by then (a procedure published before the portal kept dates counts as published all along), those
    /// still in force then, and those of them fully online.
    /// </summary>
    public static async Task<(int Total, int Published, int Online)?> ProceduresAtAsync(AppDbContext db, DateTime endUtc, CancellationToken ct)
    {
        var everPublished = db.Procedures.AsNoTracking()
            .Where(p => p.PublishedAt == null ? p.IsPublished || p.UnpublishedAt != null : p.PublishedAt < endUtc);
        var counts = await everPublished.GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                Published = g.Count(p => p.IsPublished || p.UnpublishedAt >= endUtc),
                Online = g.Count(p => (p.IsPublished || p.UnpublishedAt >= endUtc) && p.FullyOnline),
            })
            .FirstOrDefaultAsync(ct);
        return counts is null ? null : (counts.Total, counts.Published, counts.Online);
    }

    public static ServiceIndexInputs Inputs(PartCounts c, int proceduresTotal, int proceduresPublished, int proceduresOnline,
        FeedbackReports.FeedbackCounts? feedback = null) => new()
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
        FeedbackDue = feedback?[FeedbackReports.FeedbackPart.Due] ?? 0,
        FeedbackOnTime = feedback?[FeedbackReports.FeedbackPart.ResolvedOnTime] ?? 0,
        FeedbackRatings = feedback?[FeedbackReports.FeedbackPart.Rated] ?? 0,
        FeedbackRatingsSatisfied = feedback?[FeedbackReports.FeedbackPart.Satisfied] ?? 0,
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

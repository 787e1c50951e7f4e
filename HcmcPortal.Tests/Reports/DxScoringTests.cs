using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;

namespace HcmcPortal.Tests.Reports;

/// <summary>Report-level scoring against examples computed by hand.</summary>
public sealed class DxScoringTests
{
    private static readonly DxFrameworkDef Framework = new(1, "Thử", "t1",
    [
        new DxIndexDef("A", "Chính quyền số", 100,
        [
            new DxComponentDef(1, "A1", "Nộp trực tuyến", 60, 0.5, DxSource.Measured, PortalMetrics.OnlineShare, null),
            new DxComponentDef(2, "A2", "Đúng hạn", 40, 1.0, DxSource.Measured, PortalMetrics.OnTimeRate, null),
        ]),
        new DxIndexDef("B", "Thể chế số", 50,
        [
            new DxComponentDef(3, "B1", "Văn bản", 30, 0.8, DxSource.Declared, null, "Quyết định"),
            new DxComponentDef(4, "B2", "Kế hoạch", 30, 1.0, DxSource.Declared, null, "Kế hoạch"),
        ]),
    ]);

    private static readonly ReportUnit Unit = new(7, "760", "Quận 1", "/1/7/");

    private static PartCounts Counts(int received, int online, int finished, int onTime)
    {
        var values = new int[PortalMetrics.PartCount];
        values[(int)MetricPart.Received] = received;
        values[(int)MetricPart.Online] = online;
        values[(int)MetricPart.Finished] = finished;
        values[(int)MetricPart.FinishedOnTime] = onTime;
        return new PartCounts(values);
    }

    [Fact]
    public void Measured_and_declared_components_add_up_as_computed_by_hand()
    {
        // A1: 30/100 online = 0.30, target 0.50 → 0.30/0.50 × 60 = 36.
        // A2: 45/50 on time = 0.90, target 1.00 → 0.90 × 40 = 36.   Index A = 72 of 100.
        // B1: declared 0.60 but corrected to 0.40, target 0.80 → 0.40/0.80 × 30 = 15.
        // B2: declared 0.90, not reviewed → 0.90 × 30 = 27 (provisional). Sum 42, within the index max 50.
        // Total 114 of 150 → normalised 0.76.
        var declarations = new Dictionary<int, DxDeclarationInput>
        {
            [3] = new(3, 0.60, DeclarationStatus.Corrected, 0.40, "Thiếu minh chứng", null, null),
            [4] = new(4, 0.90, DeclarationStatus.Submitted, null, null, null, null),
        };
        var result = DxScoring.Score(Framework, Unit, Counts(100, 30, 50, 45), declarations);

        Assert.Equal(36, result.Indices[0].Components[0].Score, 9);
        Assert.Equal(36, result.Indices[0].Components[1].Score, 9);
        Assert.Equal(72, result.Indices[0].Score, 9);
        Assert.Equal(0.72, result.Indices[0].Normalized, 9);
        Assert.Equal(15, result.Indices[1].Components[0].Score, 9);
        Assert.Equal(0.60, result.Indices[1].Components[0].DeclaredRate);
        Assert.Equal(0.40, result.Indices[1].Components[0].ReviewedRate);
        Assert.False(result.Indices[1].Components[0].Provisional);
        Assert.Equal(27, result.Indices[1].Components[1].Score, 9);
        Assert.True(result.Indices[1].Components[1].Provisional);
        Assert.Equal(114, result.Score, 9);
        Assert.Equal(150, result.MaxPoints);
        Assert.Equal(0.76, result.Normalized, 9);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void Index_is_capped_at_its_maximum_and_rates_above_target_earn_full_points()
    {
        var framework = Framework with
        {
            Indices = [Framework.Indices[1] with { MaxPoints = 50 }],
        };
        // Both accepted at 100 %: 30 + 30 = 60 components, capped at the index maximum 50.
        var declarations = new Dictionary<int, DxDeclarationInput>
        {
            [3] = new(3, 1.0, DeclarationStatus.Accepted, 1.0, null, null, null),
            [4] = new(4, 1.0, DeclarationStatus.Accepted, 1.0, null, null, null),
        };
        var result = DxScoring.Score(framework, Unit, PartCounts.Zero, declarations);
        Assert.Equal(30, result.Indices[0].Components[0].Score, 9);
        Assert.Equal(50, result.Indices[0].Score, 9);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Nothing_owed_earns_full_points_and_a_missing_declaration_earns_none()
    {
        var result = DxScoring.Score(Framework, Unit, PartCounts.Zero, new Dictionary<int, DxDeclarationInput>());
        Assert.True(result.Indices[0].Components[0].NothingOwed);
        Assert.Equal(100, result.Indices[0].Score, 9);
        Assert.True(result.Indices[1].Components[0].NotDeclared);
        Assert.Equal(0, result.Indices[1].Score, 9);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_is_skipped()
    {
        DxUnitResult U(string code, double score) => new(0, code, code, 0, score, 1000, false, "t1", []);
        var ranked = DxScoring.Rank([U("770", 700), U("760", 812.5), U("771", 812.499), U("772", 650)]);
        // 812.5 and 812.499 round to 812.50 → both rank 1; then 700 is 3rd; ties ordered by code.
        Assert.Equal(["760", "771", "770", "772"], ranked.Select(r => r.UnitCode));
        Assert.Equal([1, 1, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Service_index_from_portal_counts_matches_a_hand_computed_example()
    {
        // 200 received: 80 online (40 % of 50 % threshold → 6.4 of 8); 160 finished, 144 on time (90 % → 18 of 20);
        // 150 digitised (75 % of 80 % → 10.3125 of 11); 120 results digitised of 160 (75 % → 10.3125 of 11);
        // 50 fee dossiers, 45 paid online (90 % ≥ 80 % → 6); 20 overdue + 10 complaints → 170/200 = 85 % of 90 %
        // → 5.6667 of 6; ratings 100, 95 satisfied (95 % → 12); procedures 10, all published (4), 8 fully online (80 % → 8);
        // progress trackable for all received (14).
        var values = new int[PortalMetrics.PartCount];
        values[(int)MetricPart.Received] = 200;
        values[(int)MetricPart.Online] = 80;
        values[(int)MetricPart.Finished] = 160;
        values[(int)MetricPart.FinishedOnTime] = 144;
        values[(int)MetricPart.Digitised] = 150;
        values[(int)MetricPart.ResultDigitised] = 120;
        values[(int)MetricPart.WithFee] = 50;
        values[(int)MetricPart.PaidOnline] = 45;
        values[(int)MetricPart.Overdue] = 20;
        values[(int)MetricPart.Complaint] = 10;
        values[(int)MetricPart.SatisfiedHandling] = 170;
        values[(int)MetricPart.Rated] = 100;
        values[(int)MetricPart.RatedSatisfied] = 95;
        var result = ServiceQualityIndex.Compute(ServiceIndexService.Inputs(new PartCounts(values), 10, 10, 8));

        Assert.Equal(18, result.Groups[0].Points, 6);
        Assert.Equal(18, result.Groups[1].Points, 6);
        Assert.Equal(20.625, result.Groups[2].Points, 6);
        Assert.Equal(20.4, result.Groups[3].Points, 6);
        Assert.Equal(17.666667, result.Groups[4].Points, 5);
        Assert.Equal(94.691667, result.Total, 5);
        // The satisfaction numerator the index uses is exactly the SatisfiedHandling set the drill-down lists.
        Assert.Equal(170, result.Groups[4].Indicators[0].Numerator);
    }
}

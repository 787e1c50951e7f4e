using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

public class RateScoreTests
{
    [Theory]
    [InlineData(0.4, 0.8, 8, 4)]     // 0.4 × 8 ÷ 0.8
    [InlineData(0.25, 0.5, 8, 4)]
    [InlineData(0.8, 0.8, 8, 8)]     // at the threshold: full
    [InlineData(0.95, 0.8, 8, 8)]
    [InlineData(0.0, 0.8, 8, 0)]
    [InlineData(1.5, 0.8, 8, 8)]     // clamped
    [InlineData(-0.2, 0.8, 8, 0)]    // clamped
    [InlineData(0.3, 0.0, 8, 8)]     // no threshold: full, no division by zero
    public void Threshold_formula_of_decision_766(double rate, double threshold, double max, double expected) =>
        Assert.Equal(expected, RateScore.Threshold(rate, threshold, max), 9);

    [Theory]
    [InlineData(0.6, 0.8, 10, 7.5)]
    [InlineData(1.0, 0.8, 10, 10)]
    [InlineData(0.5, 1.0, 30, 15)]
    [InlineData(0.5, 0.0, 30, 30)]
    public void Capped_formula_of_the_DX_index(double rate, double target, double max, double expected) =>
        Assert.Equal(expected, RateScore.Capped(rate, target, max), 9);

    [Fact]
    public void NaN_rate_scores_zero() => Assert.Equal(0, RateScore.Threshold(double.NaN, 0.8, 8));
}

public class ServiceQualityIndexTests
{
    private static readonly ServiceIndexInputs Sample = new()
    {
        ProceduresTotal = 100,
        ProceduresPublishedComplete = 90,
        ProceduresFullyOnline = 60,
        DossiersTotal = 1000,
        DossiersOnline = 300,
        DossiersWithTrackedProgress = 1000,
        DossiersFinished = 800,
        FinishedOnTime = 760,
        DossiersDigitised = 700,
        ResultsDigitised = 400,
        FeeDossiers = 200,
        FeePaidOnline = 100,
        Overdue = 50,
        Complaints = 10,
        Ratings = 0,
        RatingsSatisfied = 0,
    };

    private static ServiceIndexIndicator Indicator(ServiceIndexResult r, string code) =>
        r.Groups.SelectMany(g => g.Indicators).Single(i => i.Code == code);

    [Fact]
    public void Group_maxima_are_those_of_decision_766_and_sum_to_100()
    {
        var r = ServiceQualityIndex.Compute(Sample);
        Assert.Equal([18.0, 20.0, 22.0, 22.0, 18.0], r.Groups.Select(g => g.Max));
        Assert.Equal(100, r.Groups.Sum(g => g.Max));
        Assert.All(r.Groups, g => Assert.Equal(g.Max, g.Indicators.Sum(i => i.Max), 9));
    }

    [Fact]
    public void Hand_computed_sample()
    {
        var r = ServiceQualityIndex.Compute(Sample);
        // 1: 0.9 × 4 + 14 = 17.6 · 2: 0.95 × 20 = 19 · 3: 0.7 × 11 ÷ 0.8 + 0.5 × 11 ÷ 0.8 = 16.5
        // 4: 0.6 × 8 ÷ 0.8 + 0.3 × 8 ÷ 0.5 + 0.5 × 6 ÷ 0.8 = 6 + 4.8 + 3.75 = 14.55 · 5: 6 + 6 + 3 + 3 = 18 (nothing rated, no reports due)
        Assert.Equal([17.6, 19, 16.5, 14.55, 18], r.Groups.Select(g => Math.Round(g.Points, 6)));
        Assert.Equal(85.65, r.Total, 6);
    }

    [Fact]
    public void Every_rate_is_explained_by_its_counts()
    {
        var r = ServiceQualityIndex.Compute(Sample);
        var online = Indicator(r, "4.2");
        Assert.Equal(300, online.Numerator);
        Assert.Equal(1000, online.Denominator);
        Assert.Equal(0.3, online.Rate!.Value, 9);
        Assert.Equal(0.5, online.Threshold);
        Assert.Equal(4.8, online.Points, 9);
        Assert.False(string.IsNullOrWhiteSpace(online.Name));
    }

    [Fact]
    public void Satisfaction_is_100_percent_minus_overdue_and_complaint_rates()
    {
        var below = ServiceQualityIndex.Compute(Sample with { Overdue = 100, Complaints = 35 });
        var s = Indicator(below, "5.1");
        Assert.Equal(865, s.Numerator);           // 1000 − 100 − 35
        Assert.Equal(0.865, s.Rate!.Value, 9);
        Assert.Equal(0.865 * 6 / 0.9, s.Points, 9); // below the 90 % threshold

        Assert.Equal(6, Indicator(ServiceQualityIndex.Compute(Sample), "5.1").Points); // 94 % ≥ 90 %
    }

    [Fact]
    public void Residents_reports_score_in_the_satisfaction_group()
    {
        // 40 reports fell due, 30 handled on time: 75 % < 90 % → 0.75 × 3 ÷ 0.9; 20 answers rated, 19 satisfied: 95 % → 3.
        var r = ServiceQualityIndex.Compute(Sample with { FeedbackDue = 40, FeedbackOnTime = 30, FeedbackRatings = 20, FeedbackRatingsSatisfied = 19 });
        var onTime = Indicator(r, "5.3");
        Assert.Equal((30, 40), (onTime.Numerator, onTime.Denominator));
        Assert.Equal(0.75 * 3 / 0.9, onTime.Points, 9);
        Assert.Equal(3, Indicator(r, "5.4").Points, 9);
        Assert.Equal(6 + 6 + 0.75 * 3 / 0.9 + 3, r.Groups.Single(g => g.Code == "5").Points, 9);
        Assert.Throws<ArgumentException>(() => ServiceQualityIndex.Compute(Sample with { FeedbackDue = 1, FeedbackOnTime = 2 }));
        Assert.Throws<ArgumentException>(() => ServiceQualityIndex.Compute(Sample with { FeedbackRatings = 1, FeedbackRatingsSatisfied = 2 }));
    }

    [Fact]
    public void Nothing_owed_earns_full_points_with_no_rate()
    {
        var r = ServiceQualityIndex.Compute(Sample with { FeeDossiers = 0, FeePaidOnline = 0 });
        var pay = Indicator(r, "4.3");
        Assert.True(pay.NothingOwed);
        Assert.Null(pay.Rate);
        Assert.Equal(pay.Max, pay.Points);
        Assert.Equal(100, ServiceQualityIndex.Compute(new ServiceIndexInputs()).Total);
    }

    [Fact]
    public void Inconsistent_counts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ServiceQualityIndex.Compute(Sample with { FinishedOnTime = 801 }));
        Assert.Throws<ArgumentException>(() => ServiceQualityIndex.Compute(Sample with { Complaints = -1 }));
    }
}

public class RankingTests
{
    [Fact]
    public void Competition_ranking_1224() =>
        Assert.Equal([1, 2, 2, 4], Ranking.CompetitionRanks([90, 85.5, 85.5, 70]));

    [Fact]
    public void Ranks_follow_input_order() =>
        Assert.Equal([3, 1, 2], Ranking.CompetitionRanks([70, 90, 80]));

    [Fact]
    public void Scores_are_compared_after_rounding_to_two_decimals() =>
        Assert.Equal([1, 1, 3], Ranking.CompetitionRanks([87.004, 86.999, 86.99]));

    [Fact]
    public void All_equal_and_empty()
    {
        Assert.Equal([1, 1, 1], Ranking.CompetitionRanks([5, 5, 5]));
        Assert.Empty(Ranking.CompetitionRanks([]));
        Assert.Throws<ArgumentException>(() => Ranking.CompetitionRanks([1, double.NaN]));
    }

    [Theory]
    [InlineData(18, AgencyBand.Excellent, "Xuất sắc")]
    [InlineData(15, AgencyBand.Excellent, "Xuất sắc")]
    [InlineData(14.99, AgencyBand.Good, "Tốt")]
    [InlineData(12, AgencyBand.Good, "Tốt")]
    [InlineData(11.99, AgencyBand.Fair, "Khá")]
    [InlineData(9, AgencyBand.Fair, "Khá")]
    [InlineData(8.99, AgencyBand.Average, "Trung bình")]
    [InlineData(6, AgencyBand.Average, "Trung bình")]
    [InlineData(5.99, AgencyBand.Weak, "Yếu")]
    [InlineData(0, AgencyBand.Weak, "Yếu")]
    public void Agency_bands_circular_01_2018(double score, AgencyBand band, string name)
    {
        Assert.Equal(band, Ranking.BandOf(score));
        Assert.Equal(name, Ranking.BandName(band));
    }
}

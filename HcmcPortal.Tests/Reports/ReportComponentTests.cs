using Bunit;
using HcmcPortal.Reports;
using HcmcPortal.Reports.Pages;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Reports;

public sealed class ReportComponentTests : BunitTestBase
{
    [Fact]
    public void Radar_chart_puts_each_value_on_its_axis()
    {
        var cut = Render<RadarChart>(p => p
            .Add(c => c.Labels, ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số"])
            .Add(c => c.Values, [1.0, 0.5, 0.0, 1.7])
            .Add(c => c.Size, 200)
            .Add(c => c.Title, "Chỉ số"));

        Assert.Equal(["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số"],
            cut.FindAll("[data-test=radar-label]").Select(e => string.Join(" ", e.QuerySelectorAll("tspan").Select(t => t.TextContent))));
        // Centre (100,100), radius 200/2 − 60 = 40. Axis 0 points up, axis 1 right, axis 2 down, axis 3 left.
        // Values: 1 → (100,60); 0.5 → (120,100); 0 → centre; 1.7 is clamped to 1 → (60,100).
        Assert.Equal("100,60 120,100 100,100 60,100", cut.Find("[data-test=radar-shape]").GetAttribute("points"));
        Assert.Equal(5, cut.FindAll("polygon").Count - 1);
        // Room for the labels left and right of the plot.
        Assert.Equal("-70 0 340 200", cut.Find("svg").GetAttribute("viewBox"));
    }

    [Fact]
    public void A_long_radar_label_wraps_into_lines_that_fit_beside_the_plot()
    {
        var cut = Render<RadarChart>(p => p
            .Add(c => c.Labels, ["Chỉ số hạ tầng và nền tảng số", "Thể chế số"])
            .Add(c => c.Values, [0.5, 0.5]));
        var lines = cut.FindAll("[data-test=radar-label]")[0].QuerySelectorAll("tspan").Select(t => t.TextContent).ToList();
        Assert.Equal(["Chỉ số hạ tầng và", "nền tảng số"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= RadarChart.LineLength));
    }

    [Fact]
    public void Ranking_table_shows_ranks_scores_and_links_only_where_allowed()
    {
        DxIndexResult Index(string code, double score) => new(code, code, 100, score, []);
        var period = new DxPeriodInfo(1, 2025, 1, "Bộ chỉ số", "2024.1", false, null, Guid.NewGuid());
        var ranking = new DxRanking(period,
        [
            new DxUnitResult(1, "760", "Quận 1", 1, 150.5, 200, true, "2024.1", [Index("NT", 80.5), Index("TC", 70)]),
            new DxUnitResult(2, "770", "Quận 3", 1, 150.5, 200, false, "2024.1", [Index("NT", 75.5), Index("TC", 75)]),
            new DxUnitResult(3, "771", "Quận 10", 3, 90, 200, false, "2024.1", [Index("NT", 50), Index("TC", 40)]),
        ]);
        var cut = Render<DxRankingTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.CanOpen, u => u.UnitCode == "770"));

        Assert.Equal(["1", "1", "3"], cut.FindAll("[data-test=dx-rank]").Select(e => e.TextContent));
        Assert.Equal("0,7525", cut.FindAll("[data-test=dx-normalized]")[0].TextContent);
        var links = cut.FindAll("[data-test=dx-open-unit]");
        Assert.Single(links);
        Assert.Equal("/bao-cao/chuyen-doi-so/770?period=2025", links[0].GetAttribute("href"));
        // The first period has nothing to compare with: no rank-change column.
        Assert.Empty(cut.FindAll("[data-test=dx-rank-change]"));

        // Against the previous period: up, down, and a unit not ranked then (after the reform) is new.
        var compared = Render<DxRankingTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.PreviousRanks, new Dictionary<int, int> { [1] = 4, [3] = 2 }));
        Assert.Equal(["▲ 3", "mới", "▼ 1"], compared.FindAll("[data-test=dx-rank-change]").Select(e => e.TextContent));
    }
}

using System.Diagnostics;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HcmcPortal.Tests.Reports;

/// <summary>Report services against the real app and its demo data (read-only: nothing here changes data).</summary>
public sealed class ReportServiceTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    internal static readonly Actor CityLeader = new("test-city", "Lãnh đạo TP", null, null, null, new HashSet<string> { Roles.DxEvaluator });

    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task Demo_data_gives_a_complete_ranking_2024_published_2025_provisional()
    {
        var dx = Service<DxReportService>();
        var stopwatch = Stopwatch.StartNew();
        var live = await dx.RankingAsync(2025);
        output.WriteLine($"Live ranking 2025 ({live!.Units.Count} commune-level units): {stopwatch.ElapsedMilliseconds} ms");
        stopwatch.Restart();
        var published = await dx.RankingAsync(2024);
        output.WriteLine($"Published ranking 2024 from snapshot: {stopwatch.ElapsedMilliseconds} ms");

        Assert.True(published!.Period.Published);
        Assert.False(published.Provisional);
        Assert.Equal(22, published.Units.Count);
        Assert.Equal(UnitLevel.District, published.Level);
        Assert.All(published.Units, u => Assert.Equal(9, u.Indices.Count));
        // 2025: the 168 commune-level units on the commune framework (8 main indicators, 42 components, 100 points).
        Assert.True(live.Provisional);
        Assert.Equal(UnitLevel.Commune, live.Level);
        Assert.Equal(168, live.Units.Count);
        Assert.All(live.Units, u => Assert.Equal(8, u.Indices.Count));
        Assert.All(live.Units, u => Assert.Equal(42, u.Indices.Sum(i => i.Components.Count)));
        Assert.Equal(100, live.Units[0].MaxPoints, 6);
        Assert.Equal(1, live.Units[0].Rank);
        Assert.Contains(live.Units, u => u.Provisional);
        // Ranks follow scores (equal ranks are ties, as Ranking.CompetitionRanks rounds them).
        Assert.All(live.Units.Zip(live.Units.Skip(1)), pair => Assert.True(pair.First.Rank == pair.Second.Rank || (pair.First.Rank < pair.Second.Rank && pair.First.Score > pair.Second.Score)));
    }

    [Fact]
    public async Task Every_drill_down_count_equals_the_numerator_and_denominator_shown()
    {
        var dx = Service<DxReportService>();
        var drill = Service<DrillDownService>();
        var ranking = await dx.RankingAsync(2025);
        // 2025 is measured from 01/07/2025, when the commune-level units began.
        var part = await dx.MeasuredPartAsync(2025);
        Assert.Equal(new DateOnly(2025, 7, 1), part.From);
        var unit = ranking!.Units.First(u => u.Indices.SelectMany(i => i.Components).Any(c => c.Denominator > 0));
        // Six rates on dossiers; the seventh, on residents' reports, is checked against its list in FeedbackFiguresTests.
        var measured = unit.Indices.SelectMany(i => i.Components).Where(c => c.Source == HcmcPortal.Data.DxSource.Measured && PortalMetrics.Find(c.Metric) is not null).ToList();
        Assert.Equal(6, measured.Count);
        foreach (var c in measured)
        {
            var metric = PortalMetrics.Find(c.Metric)!;
            var denominator = await drill.PageAsync(CityLeader, new DrillDownQuery(metric, metric.Denominator, unit.UnitCode, part.From, part.To), 0, 5);
            var numerator = await drill.PageAsync(CityLeader, new DrillDownQuery(metric, metric.Numerator, unit.UnitCode, part.From, part.To), 0, 5);
            Assert.Equal(c.Denominator, denominator!.Total);
            Assert.Equal(c.Numerator, numerator!.Total);
        }
    }

    [Fact]
    public async Task Service_index_rates_match_their_drill_downs()
    {
        var report = await Service<ServiceIndexService>().ComputeAsync(CityLeader, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        Assert.Equal(22, report.Rows.Count);
        var row = report.Rows.First(r => r.Inputs.DossiersTotal > 0);
        var drill = Service<DrillDownService>();
        foreach (var indicator in row.Result.Groups.SelectMany(g => g.Indicators))
        {
            if (ServiceIndexService.MetricOf(indicator.Code) is not { } name)
                continue;
            var metric = PortalMetrics.Find(name)!;
            var list = await drill.PageAsync(CityLeader, new DrillDownQuery(metric, metric.Denominator, row.Unit.Code, report.Window.From, report.Window.To), 0, 1);
            Assert.Equal(indicator.Denominator, list!.Total);
            var numerator = await drill.PageAsync(CityLeader, new DrillDownQuery(metric, metric.Numerator, row.Unit.Code, report.Window.From, report.Window.To), 0, 1);
            Assert.Equal(indicator.Numerator, numerator!.Total);
        }
        Assert.InRange(row.Result.Total, 0, 100);
    }

    [Fact]
    public async Task Statistics_list_every_unit_even_without_dossiers()
    {
        var statistics = Service<StatisticsService>();
        // 2020: the districts that existed then — Thành phố Thủ Đức (769) only dates from 01/01/2021.
        var empty = await statistics.ComputeAsync(CityLeader, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), StatGrouping.Unit);
        Assert.Equal(21, empty.Rows.Count);
        Assert.DoesNotContain(empty.Rows, r => r.Code == "769");
        Assert.All(empty.Rows, r => Assert.All(r.Values, v => Assert.Equal(0, v)));

        var half = await statistics.ComputeAsync(CityLeader, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), StatGrouping.Unit);
        Assert.Equal(22, half.Rows.Count);
        var total = half.Sections.Single().Total;
        Assert.True(total.Received > 0);
        var byProcedure = await statistics.ComputeAsync(CityLeader, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), StatGrouping.Procedure);
        Assert.Equal(total.Received, byProcedure.Sections.Single().Total.Received);
        var byOfficer = await statistics.ComputeAsync(CityLeader, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), StatGrouping.Officer);
        Assert.Equal(total.Received, byOfficer.Sections.Single().Total.Received);
        Assert.Contains(byOfficer.Rows, r => r.Name == "Chưa phân công");
    }
}

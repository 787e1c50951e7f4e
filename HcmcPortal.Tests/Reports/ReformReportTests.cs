using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Maps;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>Reports across the 01/07/2025 reform (issue 9 item 3): each part of a range by the units it had.</summary>
public sealed class ReformReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly HcmcPortal.Accounts.Actor Evaluator = ReportServiceTests.CityLeader;
    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_service_index_ranks_its_units_and_combines_each_rate_over_them()
    {
        var section = (await Service<ServiceIndexService>().ComputeAsync(Evaluator, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))).Sections.Single();
        var ranked = section.Ranked();
        Assert.Equal(section.Rows.Count, ranked.Count);
        Assert.Equal(1, ranked[0].Rank);
        Assert.Equal(ranked.Select(r => r.Row.Result.Total).OrderByDescending(t => t), ranked.Select(r => r.Row.Result.Total));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Rank <= p.Second.Rank));

        var code = section.Rows[0].Result.Groups[0].Indicators[0].Code;
        var all = section.Rows.Select(r => r.Result.Groups.SelectMany(g => g.Indicators).Single(i => i.Code == code)).ToList();
        Assert.True(all.Sum(i => i.Denominator) > 0);
        Assert.Equal(all.Sum(i => i.Numerator) / (double)all.Sum(i => i.Denominator), section.CombinedRate(code));
    }

    [Fact]
    public async Task The_DX_ranking_opens_on_the_latest_period_with_data_and_compares_only_units_ranked_before()
    {
        var dx = Service<DxReportService>();
        // 2026 is open but nobody has declared yet; 2025 has declarations.
        Assert.Equal(2025, await dx.LatestYearWithDataAsync());
        Assert.Null(await dx.PreviousRanksAsync(2024));
        // The 168 units of 2025 were not ranked in 2024 (the districts were): no rank change for any of them.
        var before2025 = await dx.PreviousRanksAsync(2025);
        Assert.Equal(22, before2025!.Count);
        Assert.DoesNotContain((await dx.RankingAsync(2025))!.Units, u => before2025.ContainsKey(u.UnitId));
        // 2026 ranks the same 168 units: each has its 2025 rank to compare with.
        var before2026 = await dx.PreviousRanksAsync(2026);
        Assert.All((await dx.RankingAsync(2026))!.Units, u => Assert.True(before2026!.ContainsKey(u.UnitId)));
    }

    [Fact]
    public async Task A_range_straddling_the_reform_shows_the_districts_then_the_168_units_and_no_unit_outside_its_time()
    {
        var report = await Service<ServiceIndexService>().ComputeAsync(Evaluator, new DateOnly(2025, 5, 1), new DateOnly(2025, 8, 31));
        Assert.True(report.Straddles);
        var (districts, communes) = (report.Sections[0], report.Sections[1]);
        Assert.Equal((new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 30)), (districts.Window.From, districts.Window.To));
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 31)), (communes.Window.From, communes.Window.To));
        Assert.Equal(UnitLevel.District, districts.Level);
        Assert.Equal(UnitLevel.Commune, communes.Level);
        Assert.Equal(22, districts.Rows.Count);
        Assert.Equal(168, communes.Rows.Count);

        await using var db = portal.CreateDb();
        var validity = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.ValidFrom, u.ValidTo));
        Assert.All(districts.Rows, r => Assert.Equal(ReferenceUnits.DistrictLevelEnded, validity[r.Unit.Id].ValidTo));
        Assert.All(communes.Rows, r => Assert.Equal(ReferenceUnits.Reform2025, validity[r.Unit.Id].ValidFrom));
        // Each part counts only what was received in it: the two parts add up to the dossiers received over the range.
        var total = await db.Dossiers.CountAsync(d => d.ReceivedAt >= new DateTime(2025, 4, 30, 17, 0, 0, DateTimeKind.Utc) && d.ReceivedAt < new DateTime(2025, 8, 31, 17, 0, 0, DateTimeKind.Utc));
        Assert.Equal(total, report.Rows.Sum(r => r.Counts[MetricPart.Received]));

        // The drill-down of a commune-level unit in the second part lists exactly the dossiers counted.
        var row = communes.Rows.First(r => r.Counts[MetricPart.Received] > 0);
        var metric = PortalMetrics.Find(PortalMetrics.OnlineShare)!;
        var drill = Service<DrillDownService>();
        var list = await drill.PageAsync(Evaluator, new DrillDownQuery(metric, metric.Denominator, row.Unit.Code, communes.Window.From, communes.Window.To), 0, 1);
        Assert.Equal(row.Counts[MetricPart.Received], list!.Total);
        var online = await drill.PageAsync(Evaluator, new DrillDownQuery(metric, metric.Numerator, row.Unit.Code, communes.Window.From, communes.Window.To), 0, 1);
        Assert.Equal(row.Counts[MetricPart.Online], online!.Total);
    }

    [Fact]
    public async Task The_api_answers_in_sections_and_statistics_split_the_same_way()
    {
        var client = portal.CreateClient();
        await client.LoginAsync("lanhdao.tp@demo.hcmc.vn");
        var index = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-index?from=2025-01-01&to=2025-12-31");
        Assert.True(index.GetProperty("straddles").GetBoolean());
        var sections = index.GetProperty("sections");
        Assert.Equal(["district", "commune"], sections.EnumerateArray().Select(s => s.GetProperty("level").GetString()));
        Assert.Equal("2025-06-30", sections[0].GetProperty("to").GetString());
        Assert.Equal("2025-07-01", sections[1].GetProperty("from").GetString());
        Assert.Equal(22, sections[0].GetProperty("units").GetArrayLength());
        Assert.Equal(168, sections[1].GetProperty("units").GetArrayLength());

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/statistics?from=2025-07-01&to=2026-06-30");
        Assert.False(stats.GetProperty("straddles").GetBoolean());
        Assert.Equal(168, stats.GetProperty("sections")[0].GetProperty("rows").GetArrayLength());
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/statistics?from=2024-01-01&to=2024-12-31");
        Assert.Equal(22, before.GetProperty("sections").EnumerateArray().Single().GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task A_trend_over_the_reform_shows_the_predecessor_districts_marked_partial()
    {
        await using var db = portal.CreateDb();
        var benThanh = await db.Units.SingleAsync(u => u.Code == DemoSeeder.BenThanhCode && u.ValidFrom == ReferenceUnits.Reform2025);
        var trend = await Service<DxReportService>().TrendAsync(benThanh.Id);
        // 2024: Quận 1's published result, as a linked and partial point (Quận 1's wards went to several new units).
        var linked = Assert.Single(trend, t => t.Year == 2024);
        Assert.Equal("760", linked.UnitCode);
        Assert.True(linked.Linked);
        Assert.True(linked.Partial);
        var own = Assert.Single(trend, t => t.Year == 2025);
        Assert.False(own.Linked);
        Assert.Equal(DemoSeeder.BenThanhCode, own.UnitCode);

        // And forward: Quận 1's 2025 points are the new units its wards went into.
        var q1 = await db.Units.SingleAsync(u => u.Code == "760");
        var forward = await Service<DxReportService>().TrendAsync(q1.Id);
        Assert.Contains(forward, t => t.Year == 2025 && t.UnitCode == DemoSeeder.BenThanhCode && t.Linked);
        Assert.Contains(forward, t => t.Year == 2024 && t.UnitCode == "760" && !t.Linked);
    }

    [Fact]
    public void The_map_legend_and_colours_come_from_the_same_classes()
    {
        MapUnit U(string code, double? v) => new(code, code, v, "", null);
        var data = Choropleth.Build([U("a", 0), U("b", 50), U("c", 100), U("d", null), U("e", 79.9)], v => v.ToString("0"));
        Assert.Equal(5, data.Legend.Count);
        Assert.Equal("0 – 20", data.Legend[0].Label);
        Assert.Equal("80 – 100", data.Legend[^1].Label);
        Assert.Equal(Choropleth.Palette[0], data.Units["a"].Color);
        Assert.Equal(Choropleth.Palette[2], data.Units["b"].Color);
        Assert.Equal(Choropleth.Palette[3], data.Units["e"].Color);
        Assert.Equal(Choropleth.Palette[4], data.Units["c"].Color);
        Assert.Equal(Choropleth.NoDataColor, data.Units["d"].Color);
        // All equal: one class.
        Assert.Single(Choropleth.Build([U("a", 3), U("b", 3)], v => v.ToString("0")).Legend);
    }
}

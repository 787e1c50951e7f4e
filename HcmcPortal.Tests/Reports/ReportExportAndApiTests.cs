using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>Workbooks opened back with ClosedXML and compared with the service figures the screens show; the JSON API and its access rules.</summary>
public sealed class ReportExportAndApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Actor Evaluator = ReportServiceTests.CityLeader;
    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task Dx_workbook_has_the_ranking_index_sheets_and_measured_counts_of_the_screen()
    {
        // 2025: the 168 commune-level units on the commune framework (8 main indicators).
        var ranking = (await Service<DxReportService>().RankingAsync(2025))!;
        Assert.Equal(168, ranking.Units.Count);
        using var wb = new XLWorkbook(new MemoryStream(ReportWorkbooks.DxRanking(ranking, ranking.Units.Select(u => u.UnitCode).ToHashSet())));

        var sheet = wb.Worksheet("Xếp hạng");
        Assert.Equal("Hạng", sheet.Cell(3, 1).GetString());
        Assert.Equal("Tổng điểm", sheet.Cell(3, 4).GetString());
        Assert.True(sheet.Cell(4, 4).HasFormula);
        for (var i = 0; i < ranking.Units.Count; i++)
        {
            var u = ranking.Units[i];
            var row = 4 + i;
            Assert.Equal(u.Rank, sheet.Cell(row, 1).GetValue<int>());
            Assert.Equal(u.UnitName, sheet.Cell(row, 3).GetString());
            Assert.Equal(u.Score, sheet.Cell(row, 4).GetValue<double>(), 6);
            Assert.Equal(u.Normalized, sheet.Cell(row, 5).GetValue<double>(), 9);
            for (var x = 0; x < u.Indices.Count; x++)
                Assert.Equal(u.Indices[x].Score, sheet.Cell(row, 6 + x).GetValue<double>(), 9);
        }
        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.Equal("#,##0.00", sheet.Cell(4, 4).Style.NumberFormat.Format);
        Assert.Equal(168, sheet.RowsUsed().Count(r => r.RowNumber() >= 4 && !r.Cell(1).IsEmpty()));
        Assert.Equal(8 + 3, wb.Worksheets.Count); // ranking, 8 indices, measured metrics, the period

        var first = ranking.Units[0];
        var index = wb.Worksheet(first.Indices[0].Code);
        Assert.Equal(first.UnitName, index.Cell(4, 2).GetString());
        Assert.Equal(first.Indices[0].Score, index.Cell(4, 3 + first.Indices[0].Components.Count).GetValue<double>(), 9);

        var measured = wb.Worksheet("Chỉ số đo lường");
        Assert.Contains(ranking.Period.FrameworkVersion, measured.Cell(2, 1).GetString());
        var (owner, component) = ranking.Units.SelectMany(u => u.Indices.SelectMany(i => i.Components).Select(c => (u, c)))
            .First(x => x.c.Source == DxSource.Measured && x.c.Denominator > 0);
        var line = measured.RowsUsed().First(r => r.Cell(1).GetString() == owner.UnitName && r.Cell(2).GetString() == component.Code);
        Assert.Equal(component.Numerator, line.Cell(5).GetValue<int>());
        Assert.Equal(component.Denominator, line.Cell(6).GetValue<int>());
        Assert.Equal(component.Rate!.Value, line.Cell(7).GetValue<double>(), 6);
        Assert.Equal("0.00%", line.Cell(7).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task Service_index_and_statistics_workbooks_match_the_screen_figures()
    {
        // 2025 straddles the reform: one pair of sheets per part (districts to 30/06, the commune-level units from 01/07).
        var report = await Service<ServiceIndexService>().ComputeAsync(Evaluator, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        Assert.True(report.Straddles);
        Assert.Equal([UnitLevel.District, UnitLevel.Commune], report.Sections.Select(s => s.Level));
        Assert.Equal(22, report.Sections[0].Rows.Count);
        using (var wb = new XLWorkbook(new MemoryStream(ReportWorkbooks.ServiceIndex(report))))
        {
            for (var s = 0; s < report.Sections.Count; s++)
            {
                var rows = report.Sections[s].Rows;
                var sheet = wb.Worksheet($"Chỉ số phục vụ ({s + 1})");
                Assert.Contains(report.Sections[s].Window.Label, sheet.Cell(2, 1).GetString());
                for (var i = 0; i < rows.Count; i++)
                {
                    Assert.Equal(rows[i].Unit.Name, sheet.Cell(4 + i, 2).GetString());
                    Assert.Equal(rows[i].Result.Total, sheet.Cell(4 + i, 8).GetValue<double>(), 9);
                }
                // Below the units: the city average (a formula saved with its value), nothing else.
                Assert.Equal("Toàn thành phố (trung bình)", sheet.Cell(4 + rows.Count, 2).GetString());
                Assert.Equal(rows.Average(r => r.Result.Total), sheet.Cell(4 + rows.Count, 8).GetValue<double>(), 6);
                Assert.True(sheet.Cell(5 + rows.Count, 2).IsEmpty());
            }
            var detail = wb.Worksheet("Chi tiết (1)");
            var first = report.Sections[0].Rows[0];
            var onTime = first.Result.Groups[1].Indicators[0];
            var row = detail.RowsUsed().First(r => r.Cell(1).GetString() == first.Unit.Name && r.Cell(2).GetString() == "2.1");
            Assert.Equal(onTime.Numerator, row.Cell(4).GetValue<int>());
            Assert.Equal(onTime.Denominator, row.Cell(5).GetValue<int>());
            Assert.Equal(onTime.Points, row.Cell(9).GetValue<double>(), 9);
        }

        var statistics = Service<StatisticsService>();
        var reports = new List<StatReport>();
        foreach (var grouping in Enum.GetValues<StatGrouping>())
            reports.Add(await statistics.ComputeAsync(Evaluator, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), grouping));
        using (var wb = new XLWorkbook(new MemoryStream(ReportWorkbooks.Statistics(reports))))
        {
            var units = reports[0];
            Assert.Equal(2, units.Sections.Count);
            Assert.Equal(22, units.Sections[0].Rows.Count);
            for (var s = 0; s < units.Sections.Count; s++)
            {
                var section = units.Sections[s];
                var sheet = wb.Worksheet($"Theo đơn vị ({s + 1})");
                for (var i = 0; i < section.Rows.Count; i++)
                {
                    for (var c = 0; c < StatisticsService.Columns.Count; c++)
                        Assert.Equal(section.Rows[i].Values[c], sheet.Cell(4 + i, 3 + c).GetValue<int>());
                    Assert.Equal(section.Rows[i].Received, sheet.Cell(4 + i, 3 + StatisticsService.Columns.Count).GetValue<int>());
                }
                var totalRow = 4 + section.Rows.Count;
                Assert.True(sheet.Cell(totalRow, 3).HasFormula);
                Assert.Equal(section.Total.Values[0], sheet.Cell(totalRow, 3).GetValue<int>());
                Assert.Equal(section.Total.Received, sheet.Cell(totalRow, 3 + StatisticsService.Columns.Count).GetValue<int>());
                Assert.Equal(3, sheet.SheetView.SplitRow);
            }
            var byProcedure = reports[1].Sections.Single();
            Assert.Equal(byProcedure.Total.Received, wb.Worksheet("Theo thủ tục").Cell(4 + byProcedure.Rows.Count, 3 + StatisticsService.Columns.Count).GetValue<int>());
        }
    }

    [Fact]
    public async Task Streaming_listing_export_writes_exactly_the_drill_down_dossiers()
    {
        var metric = PortalMetrics.Find(PortalMetrics.OnlineShare)!;
        var q = new DrillDownQuery(metric, metric.Denominator, "760", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        var drill = Service<DrillDownService>();
        var unit = (await drill.UnitAsync(Evaluator, "760", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)))!;
        var expected = await drill.CountAsync(Evaluator, unit, q);
        Assert.True(expected > 3);
        var startedAt = DateTime.UtcNow.AddSeconds(-1);
        using var ms = new MemoryStream();
        var progress = new List<int>();
        // A tiny page size forces several pages through the keyset paging.
        await DossierListXlsx.WriteAsync(ms, "Danh sách", drill.PagesAsync(Evaluator, unit, q, pageSize: 3), progress.Add, CancellationToken.None);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var sheet = wb.Worksheet("Danh sách hồ sơ");
        Assert.Equal("Mã hồ sơ", sheet.Cell(2, 1).GetString());
        Assert.Equal(expected, sheet.RowsUsed().Count() - 2);
        Assert.Equal(expected, progress[^1]);
        Assert.True(progress.Count > 1);
        var codes = sheet.RowsUsed().Skip(2).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every listed dossier is in the personal-data log (Law 91/2025), once, as the export's screen.
        await using var db = portal.CreateDb();
        var logged = await db.PersonalDataAccesses.AsNoTracking()
            .Where(a => a.UserId == Evaluator.UserId && a.Screen == HcmcPortal.Privacy.PersonalDataScreens.ListingExport && a.At >= startedAt)
            .Select(a => a.DossierCode).ToListAsync();
        Assert.Equal(codes.Order(), logged.Order());
    }

    [Fact]
    public async Task Dx_json_has_the_documented_shape_for_a_leader()
    {
        var client = portal.CreateClient();
        await client.LoginAsync("lanhdao.tp@demo.hcmc.vn");
        var response = await client.GetAsync("/api/v1/reports/dx?period=2024");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(json.GetProperty("published").GetBoolean());
        var units = json.GetProperty("units");
        Assert.Equal(22, units.GetArrayLength());
        var first = units[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("unitCode").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("unitName").GetString()));
        Assert.InRange(first.GetProperty("normalized").GetDouble(), 0, 1);
        var indices = first.GetProperty("indices");
        Assert.Equal(9, indices.GetArrayLength());
        Assert.Equal(first.GetProperty("score").GetDouble(), indices.EnumerateArray().Sum(i => i.GetProperty("score").GetDouble()), 0);
        Assert.Equal(1000, indices.EnumerateArray().Sum(i => i.GetProperty("max").GetDouble()), 6);
        Assert.False(string.IsNullOrEmpty(indices[0].GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(indices[0].GetProperty("name").GetString()));

        var xlsx = await client.GetAsync("/api/v1/reports/dx.xlsx?period=2024");
        Assert.Equal(ReportWorkbooks.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("xep-hang-cds-2024-", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/statistics?from=2025-01-01&to=2025-03-31");
        Assert.False(stats.GetProperty("straddles").GetBoolean());
        Assert.Equal("district", stats.GetProperty("sections")[0].GetProperty("level").GetString());
        Assert.Equal(22, stats.GetProperty("sections")[0].GetProperty("rows").GetArrayLength());
        var index = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-index?from=2025-01-01&to=2025-03-31");
        Assert.Equal(5, index.GetProperty("sections")[0].GetProperty("units")[0].GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task Api_refuses_anonymous_and_citizens_and_explains_bad_input_in_Vietnamese()
    {
        var anonymous = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/reports/dx?period=2025")).StatusCode);

        var citizen = portal.CreateClient();
        await citizen.LoginAsync("congdan@demo.hcmc.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/reports/dx?period=2025")).StatusCode);

        // The cookie sign-in works as well (the operations centre's browser).
        var cookie = portal.CreateClient();
        await cookie.SignInAsync("danhgia.cds@demo.hcmc.vn");
        var bad = await cookie.GetAsync("/api/v1/reports/statistics?from=2025-12-31&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Khoảng thời gian không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync("/api/v1/reports/dx?period=1999")).StatusCode);
    }

    [Fact]
    public async Task Dx_pages_ignore_a_malformed_period_instead_of_failing()
    {
        var client = portal.CreateClient();
        await client.SignInAsync("lanhdao.tp@demo.hcmc.vn");
        var ranking = await client.GetAsync("/bao-cao/chuyen-doi-so?period=abc");
        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.Contains("data-test=\"dx-ranking-table\"", await ranking.Content.ReadAsStringAsync());
        var district = await client.GetAsync("/bao-cao/chuyen-doi-so/760?period=2025x");
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        Assert.Contains("data-test=\"dx-unit-name\"", await district.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_district_leader_sees_the_city_ranking_but_only_their_own_district_detail()
    {
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await using var db = portal.CreateDb();
            var q3 = db.Units.Single(u => u.Code == "770").Id;
            var user = new AppUser { UserName = "lanhdao.q3@test.vn", Email = "lanhdao.q3@test.vn", EmailConfirmed = true, FullName = "Lãnh đạo Quận 3", UnitId = q3 };
            Assert.True((await users.CreateAsync(user, "Demo@12345")).Succeeded);
            await users.AddToRoleAsync(user, Roles.CityLeader);
        }
        var client = portal.CreateClient();
        await client.LoginAsync("lanhdao.q3@test.vn");
        // 2024: the period ranked by district.
        var ranking = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/dx?period=2024");
        Assert.Equal(22, ranking.GetProperty("units").GetArrayLength());
        // The workbook ranks every district but carries component detail for Quận 3 only.
        using (var wb = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/api/v1/reports/dx.xlsx?period=2024"))))
        {
            Assert.Equal(22, wb.Worksheet("Xếp hạng").RowsUsed().Count(r => r.RowNumber() >= 4 && !r.Cell(1).IsEmpty()));
            var q3Name = ranking.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == "770").GetProperty("unitName").GetString();
            foreach (var sheet in wb.Worksheets.Where(s => s.Name is not ("Xếp hạng" or "Kỳ báo cáo")))
                Assert.All(sheet.RowsUsed().Where(r => r.RowNumber() >= 4), r => Assert.Contains(q3Name!, new[] { r.Cell(1).GetString(), r.Cell(2).GetString() }));
        }
        var index = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-index?from=2024-01-01&to=2024-12-31");
        var units = index.GetProperty("sections")[0].GetProperty("units");
        Assert.Equal(1, units.GetArrayLength());
        Assert.Equal("770", units[0].GetProperty("unitCode").GetString());

        await using var db2 = portal.CreateDb();
        var leader = new Actor("x", "Lãnh đạo Quận 3", db2.Units.Single(u => u.Code == "770").Id, db2.Units.Single(u => u.Code == "770").Path, "Quận 3",
            new HashSet<string> { Roles.CityLeader });
        Assert.NotNull(await Service<DxReportService>().UnitAsync(leader, 2024, "770"));
        Assert.Null(await Service<DxReportService>().UnitAsync(leader, 2024, "760"));
        Assert.Null(await Service<DrillDownService>().UnitAsync(leader, "760", new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30)));
    }
}

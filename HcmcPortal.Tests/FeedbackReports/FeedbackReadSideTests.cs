using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.FeedbackReports;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.FeedbackReports;

/// <summary>
/// Residents' reports from the read side (issue 13 items 4–6) over a fixed, seeded set of reports in every state:
/// the leaders' figures against their lists, the workbook and JSON against the screen's service, the public pages
/// through HTTP, and the indices reading the same figures.
/// </summary>
public sealed class FeedbackReadSideTests(GoldenPortalFactory portal) : IClassFixture<GoldenPortalFactory>, IAsyncLifetime
{
    private const string Marker = "H13B-";
    private static readonly Actor CityLeader = ReportServiceTests.CityLeader;
    private DateOnly from;
    private DateOnly to;
    private List<int> units = [];

    public async Task InitializeAsync()
    {
        to = VietnamTime.Today(TimeProvider.System);
        from = to.AddDays(-59);
        await using var db = portal.CreateDb();
        var today = to;
        units = await db.Units.Where(u => u.Level == UnitLevel.Commune && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .OrderBy(u => u.Code).Select(u => u.Id).Take(4).ToListAsync();
        if (await db.FeedbackReports.AnyAsync(r => r.Code.StartsWith(Marker)))
            return;
        var reporter = await db.Users.Where(u => u.Email == ApiClient.Citizen).Select(u => u.Id).FirstAsync();
        var rng = new Random(13);
        var now = DateTime.UtcNow;
        var statuses = Enum.GetValues<FeedbackStatus>();
        for (var i = 0; i < 240; i++)
        {
            var submitted = now.AddHours(-rng.Next(1, 75 * 24)); // some before the period, to prove they are left out
            var status = statuses[rng.Next(statuses.Length)];
            var unit = units[rng.Next(units.Count)];
            var answered = status is FeedbackStatus.Resolved or FeedbackStatus.Published;
            var accepted = status is FeedbackStatus.Accepted or FeedbackStatus.AwaitingInfo || answered;
            var report = new FeedbackReport
            {
                Id = Guid.NewGuid(), Code = $"{Marker}{i:0000}", CategoryId = 1 + rng.Next(7), Title = $"Phản ánh thử {i}", Description = "Mô tả",
                Latitude = 10.77 + rng.NextDouble() / 50, Longitude = 106.70 + rng.NextDouble() / 50,
                UnitId = unit, ReporterUserId = reporter, Status = status, SubmittedAt = submitted, ArrivedAt = submitted,
                AcceptDueAt = submitted.AddDays(2), AcceptedAt = accepted ? submitted.AddDays(1) : null,
                ResolveDueAt = accepted ? submitted.AddDays(20) : null,
                ResolvedAt = answered ? submitted.AddDays(rng.Next(2, 25)) : null,
                RefusedAt = status == FeedbackStatus.Refused ? submitted.AddDays(1) : null,
                DueAt = status switch
                {
                    FeedbackStatus.Submitted => submitted.AddDays(2),
                    FeedbackStatus.Accepted => submitted.AddDays(20),
                    _ => null,
                },
                ReopenCount = answered && rng.Next(6) == 0 ? 1 : 0,
                Satisfied = answered && rng.Next(3) > 0 ? rng.Next(4) > 0 : null,
                TransferCount = rng.Next(5) == 0 ? 1 : 0,
            };
            report.ResolvedOnTime = answered ? report.ResolvedAt <= report.ResolveDueAt && report.ReopenCount == 0 : null;
            db.FeedbackReports.Add(report);
            if (report.TransferCount > 0)
            {
                var fromUnit = units.First(u => u != unit);
                db.FeedbackEvents.Add(new FeedbackEvent
                {
                    ReportId = report.Id, At = submitted.AddHours(5), ActorName = "Cán bộ", Action = FeedbackAction.Transfer,
                    FromStatus = FeedbackStatus.Submitted, ToStatus = FeedbackStatus.Submitted, FromUnitId = fromUnit, ToUnitId = unit,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_figure_equals_the_count_of_the_list_behind_it()
    {
        var figures = portal.Get<FeedbackFiguresService>();
        var report = await figures.ComputeAsync(CityLeader, from, to);
        Assert.Equal(168, report.Rows.Count);
        var seeded = report.Rows.Where(r => units.Contains(r.Unit.Id)).ToList();
        Assert.All(seeded, r => Assert.True(r.Counts[FeedbackPart.Received] > 0));
        Assert.Contains(seeded, r => r.Counts[FeedbackPart.TransferredOut] > 0);
        foreach (var row in seeded)
        {
            var c = row.Counts;
            // Where the reports of the period stand now: the five states add up to the reports received.
            Assert.Equal(c[FeedbackPart.Received], c[FeedbackPart.ResolvedOnTime] + c[FeedbackPart.ResolvedLate] + c[FeedbackPart.OpenNotDue] + c[FeedbackPart.OpenOverdue] + c[FeedbackPart.Refused]);
            foreach (var part in Enum.GetValues<FeedbackPart>())
            {
                var list = await figures.DrillAsync(CityLeader, row.Unit.Code, part, null, from, to, 0, 5);
                Assert.True(c[part] == list!.Total, $"{row.Unit.Name} {part}: figure {c[part]}, list {list.Total}");
                Assert.Equal(Math.Min(5, c[part]), list.Items.Count);
            }
        }
        // The city-wide row's figures open the city-wide lists.
        foreach (var part in FeedbackFigures.ReportParts)
            Assert.Equal(report.Total[part], (await figures.DrillAsync(CityLeader, null, part, null, from, to, 0, 1))!.Total);
        // Ranked units come first, by on-time rate.
        var ranked = report.Rows.TakeWhile(r => r.Rank is not null).ToList();
        Assert.Equal(ranked.Select(r => r.Counts.OnTimeRate).OrderDescending(), ranked.Select(r => r.Counts.OnTimeRate));
        Assert.All(report.Rows.Skip(ranked.Count), r => Assert.Null(r.Rank));

        // The top 10 of the last 30 days: each count opens its list of that category in that place.
        var top = await figures.TopIssuesAsync(CityLeader, TopRange.Month);
        Assert.InRange(top.Count, 1, 10);
        Assert.Equal(top.Select(t => t.Count).OrderDescending(), top.Select(t => t.Count));
        var (topFrom, topTo) = figures.RangeOf(TopRange.Month);
        foreach (var issue in top)
            Assert.Equal(issue.Count, (await figures.DrillAsync(CityLeader, issue.Unit.Code, FeedbackPart.Received, issue.CategoryId, topFrom, topTo, 0, 1))!.Total);
    }

    [Fact]
    public async Task The_workbook_and_the_json_match_the_screen()
    {
        var expected = await portal.Get<FeedbackFiguresService>().ComputeAsync(CityLeader, from, to);
        var client = await portal.ClientOfAsync("lanhdao.tp@demo.hcmc.vn");
        var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        var response = await client.GetAsync($"/api/v1/reports/feedback.xlsx?{query}");
        Assert.Equal(ReportWorkbooks.ContentType, response.Content.Headers.ContentType?.MediaType);
        using (var wb = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
        {
            var ws = wb.Worksheet(FeedbackWorkbook.SheetName);
            Assert.Equal(from.ToDateTime(TimeOnly.MinValue), ws.Cell(2, 2).GetDateTime());
            Assert.Equal(to.ToDateTime(TimeOnly.MinValue), ws.Cell(2, 4).GetDateTime());
            Assert.Equal("Tiếp nhận", ws.Cell(4, 4).GetString());
            var rows = expected.Rows.Append(new FeedbackUnitRow(new ReportUnit(0, "", "Toàn Thành phố", "/"), expected.Total, null)).ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var line = 5 + r;
                Assert.Equal(rows[r].Unit.Name, ws.Cell(line, 3).GetString());
                Assert.Equal(rows[r].Rank?.ToString() ?? "", ws.Cell(line, 1).GetString());
                for (var c = 0; c < FeedbackWorkbook.Columns.Count; c++)
                {
                    var want = FeedbackWorkbook.Columns[c].Value(rows[r].Counts);
                    var cell = ws.Cell(line, 4 + c);
                    if (want is null)
                        Assert.True(cell.IsEmpty(), $"{rows[r].Unit.Name}, column {c}");
                    else
                        Assert.Equal(want.Value, cell.GetDouble(), 9);
                }
            }
        }

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/feedback?{query}");
        Assert.Equal(expected.Total[FeedbackPart.Received], json.GetProperty("total").GetProperty("received").GetInt32());
        var units = json.GetProperty("units");
        Assert.Equal(expected.Rows.Count, units.GetArrayLength());
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            Assert.Equal(expected.Rows[i].Unit.Code, units[i].GetProperty("unitCode").GetString());
            Assert.Equal(expected.Rows[i].Counts[FeedbackPart.OpenOverdue], units[i].GetProperty("figures").GetProperty("openOverdue").GetInt32());
            Assert.Equal(expected.Rows[i].Counts[FeedbackPart.TransferredOut], units[i].GetProperty("figures").GetProperty("transferredOut").GetInt32());
        }
        // A citizen is not a reader of reports; a wrong period is a Vietnamese 400.
        var citizen = await portal.ClientOfAsync(ApiClient.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/api/v1/reports/feedback?{query}")).StatusCode);
        var bad = await client.GetAsync("/api/v1/reports/feedback?from=2026-13-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Public_pages_never_show_the_reporter_their_numbers_or_a_private_photo()
    {
        await using var db = portal.CreateDb();
        var reporter = await db.Users.FirstAsync(u => u.Email == ApiClient.Citizen);
        const string phone = "0903 123 456";
        var cccd = reporter.Cccd ?? "079203001234";
        var now = DateTime.UtcNow;
        FeedbackReport Report(string code, bool photosPublic, FeedbackStatus status) => new()
        {
            Id = Guid.NewGuid(), Code = code, CategoryId = 2, Title = $"Rác tràn ra đường, gọi {phone}", UnitId = units[0], ReporterUserId = reporter.Id,
            Description = $"Tôi là {reporter.FullName}, CCCD {cccd}, điện thoại {phone}, thư {reporter.Email}.",
            AnonymousToPublic = true, PhotosPublic = photosPublic, Status = status, SubmittedAt = now.AddMinutes(-30), ArrivedAt = now.AddMinutes(-30),
            AcceptDueAt = now.AddDays(2), AcceptedAt = now.AddMinutes(-20), ResolvedAt = now.AddMinutes(-10), ResolvedOnTime = true,
            Answer = "Đã thu gom. Liên hệ 0283 823 4567 nếu còn tồn đọng.", Latitude = 10.776, Longitude = 106.700,
        };
        var privateReport = Report($"{Marker}PRIV", false, FeedbackStatus.Published);
        var publicPhotos = Report($"{Marker}PUBL", true, FeedbackStatus.Published);
        var refused = Report($"{Marker}REFU", true, FeedbackStatus.Refused);
        db.FeedbackReports.AddRange(privateReport, publicPhotos, refused);
        FeedbackPhoto Photo(FeedbackReport r, FeedbackPhotoKind kind) => new()
        {
            Id = Guid.NewGuid(), ReportId = r.Id, Kind = kind, FileName = "anh.jpg", ContentType = "image/jpeg", Sha256 = new string('a', 64),
            Thumbnail = [1, 2, 3], UploadedAt = now.AddMinutes(-30), UploadedBy = reporter.Id,
        };
        var hidden = Photo(privateReport, FeedbackPhotoKind.Report);
        var evidence = Photo(privateReport, FeedbackPhotoKind.Evidence);
        var shown = Photo(publicPhotos, FeedbackPhotoKind.Report);
        db.FeedbackPhotos.AddRange(hidden, evidence, shown);
        db.FeedbackEvents.Add(new FeedbackEvent { ReportId = privateReport.Id, At = now.AddMinutes(-20), ActorName = "Nguyễn Cán Bộ", Action = FeedbackAction.Accept, ToStatus = FeedbackStatus.Accepted, Note = $"Đã gọi {phone}" });
        await db.SaveChangesAsync();

        var anonymous = portal.CreateClient();
        var page = await anonymous.GetStringAsync($"/phan-anh/{privateReport.Code}");
        var list = await anonymous.GetStringAsync($"/phan-anh?don-vi={units[0]}");
        foreach (var html in new[] { page, list })
        {
            Assert.DoesNotContain(reporter.FullName, html);
            Assert.DoesNotContain(reporter.Email!, html);
            Assert.DoesNotContain(cccd, html);
            Assert.DoesNotContain(phone, html);
            Assert.DoesNotContain("0903123456", html);
            Assert.DoesNotContain(hidden.Id.ToString(), html);
            Assert.DoesNotContain("Nguyễn Cán Bộ", html);
            Assert.DoesNotContain(refused.Code, html);
        }
        Assert.Contains("Rác tràn ra đường", page);
        Assert.Contains("Đã thu gom", page);                  // the published answer is public …
        Assert.DoesNotContain("0283 823 4567", page);          // … with its numbers masked
        Assert.Contains(evidence.Id.ToString(), page);        // evidence of a published answer is public
        Assert.Contains(privateReport.Code, list);
        Assert.Contains(shown.Id.ToString(), await anonymous.GetStringAsync($"/phan-anh/{publicPhotos.Code}"));
        Assert.Contains("Không tìm thấy phản ánh này", await anonymous.GetStringAsync($"/phan-anh/{refused.Code}"));
    }

    [Fact]
    public async Task The_service_index_and_the_dx_index_read_the_reports_figures()
    {
        var figures = await portal.Get<FeedbackFiguresService>().ComputeAsync(CityLeader, from, to);
        var index = await portal.Get<ServiceIndexService>().ComputeAsync(CityLeader, from, to);
        foreach (var unitId in units)
        {
            var counts = figures.Rows.Single(r => r.Unit.Id == unitId).Counts;
            var indicators = index.Rows.Single(r => r.Unit.Id == unitId).Result.Groups.Single(g => g.Code == "5").Indicators;
            var onTime = indicators.Single(i => i.Code == "5.3");
            Assert.Equal((counts[FeedbackPart.ResolvedOnTime], counts[FeedbackPart.Due]), (onTime.Numerator, onTime.Denominator));
            Assert.True(onTime.Denominator > 0);
            var satisfied = indicators.Single(i => i.Code == "5.4");
            Assert.Equal((counts[FeedbackPart.Satisfied], counts[FeedbackPart.Rated]), (satisfied.Numerator, satisfied.Denominator));
        }

        // The DX commune framework measures the reports' on-time rate over the year's commune-level part.
        var year = to.Year;
        var dx = portal.Get<DxReportService>();
        var ranking = await dx.RankingAsync(year);
        Assert.NotNull(ranking);
        var part = await dx.MeasuredPartAsync(year);
        var yearFigures = await portal.Get<FeedbackFiguresService>().ComputeAsync(CityLeader, part.From, part.To);
        var unit = ranking.Units.First(u => u.UnitId == units[0]);
        var component = unit.Indices.SelectMany(i => i.Components).Single(c => c.Metric == FeedbackFigures.OnTimeMetric);
        var c0 = yearFigures.Rows.Single(r => r.Unit.Id == units[0]).Counts;
        Assert.Equal((c0[FeedbackPart.ResolvedOnTime], c0[FeedbackPart.Due]), (component.Numerator!.Value, component.Denominator!.Value));
        Assert.True(component.Denominator > 0);
    }
}

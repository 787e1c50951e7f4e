using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>Issue 11 item 7: workbooks a leader can print and trust, opened back and read as a viewer would.</summary>
public sealed class WorkbookPolishTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    private async Task<IReadOnlyList<(string Name, byte[] File)>> WorkbooksAsync()
    {
        var leader = ReportServiceTests.CityLeader;
        var ranking = (await Service<DxReportService>().RankingAsync(2025))!;
        var index = await Service<ServiceIndexService>().ComputeAsync(leader, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var stats = new List<StatReport>();
        foreach (var grouping in Enum.GetValues<StatGrouping>())
            stats.Add(await Service<StatisticsService>().ComputeAsync(leader, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), grouping));
        return
        [
            ("dx", ReportWorkbooks.DxRanking(ranking, ranking.Units.Select(u => u.UnitCode).ToHashSet())),
            ("service-index", ReportWorkbooks.ServiceIndex(index)),
            ("statistics", ReportWorkbooks.Statistics(stats)),
        ];
    }

    [Fact]
    public async Task Every_sheet_prints_on_A4_landscape_one_page_wide_with_its_header_repeated_wrapped_and_filterable()
    {
        foreach (var (name, file) in await WorkbooksAsync())
        {
            using var wb = new XLWorkbook(new MemoryStream(file));
            foreach (var ws in wb.Worksheets)
            {
                var where = $"{name}/{ws.Name}";
                Assert.True(ws.AutoFilter.IsEnabled, where + ": autofilter");
                Assert.Equal(3, ws.AutoFilter.Range.FirstRow().RowNumber());
                Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
                Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
                Assert.Equal(1, ws.PageSetup.PagesWide);
                Assert.Equal(3, ws.PageSetup.FirstRowToRepeatAtTop);
                Assert.True(ws.Cell(3, 1).Style.Alignment.WrapText, where + ": wrapped header");
            }
        }
    }

    [Fact]
    public async Task Every_formula_is_saved_with_its_value_so_viewers_that_do_not_calculate_show_the_totals()
    {
        foreach (var (name, file) in await WorkbooksAsync())
        {
            using var zip = new ZipArchive(new MemoryStream(file));
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet")))
            {
                var xml = new StreamReader(sheet.Open()).ReadToEnd();
                foreach (Match cell in Regex.Matches(xml, @"<(?:x:)?c [^>]*?r=""(?<ref>[A-Z]+\d+)""[^>]*>(?<body>.*?)</(?:x:)?c>"))
                {
                    var formula = Regex.Match(cell.Groups["body"].Value, @"<(?:x:)?f>(?<f>[^<]*)</(?:x:)?f>");
                    if (!formula.Success)
                        continue;
                    var value = Regex.Match(cell.Groups["body"].Value, @"<(?:x:)?v>(?<v>[^<]*)</(?:x:)?v>");
                    // A rate over nothing is left blank on purpose (IF(…=0,"",…)); every other formula carries its value.
                    Assert.True(value.Success && value.Groups["v"].Value.Length > 0 || formula.Groups["f"].Value.Replace("&quot;", "\"").Contains("\"\""),
                        $"{name}/{sheet.FullName} {cell.Groups["ref"].Value}: ={formula.Groups["f"].Value} has no saved value");
                }
            }
        }
    }

    [Fact]
    public async Task Every_cell_is_a_number_a_date_or_vietnamese_text_and_codes_stay_text_never_a_code_name()
    {
        var codeNames = Enum.GetNames<StatGrouping>().Concat(Enum.GetNames<MetricPart>()).Concat(Enum.GetNames<HcmcPortal.Data.DxSource>())
            .Concat(Enum.GetNames<HcmcPortal.Data.UnitLevel>()).Concat(PortalMetrics.All.Select(m => m.Name)).ToHashSet();
        var identifier = new Regex("^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$");
        var checkedCells = 0;
        foreach (var (name, file) in await WorkbooksAsync())
        {
            using var wb = new XLWorkbook(new MemoryStream(file));
            foreach (var ws in wb.Worksheets)
            {
                var codeColumns = ws.Row(3).CellsUsed().Where(c => c.GetString().StartsWith("Mã")).Select(c => c.Address.ColumnNumber).ToHashSet();
                foreach (var cell in ws.CellsUsed().Where(c => !c.HasFormula))
                {
                    var where = $"{name}/{ws.Name}!{cell.Address}";
                    var text = cell.GetString();
                    checkedCells++;
                    Assert.False(codeNames.Contains(text) || identifier.IsMatch(text), $"{where}: code name '{text}'");
                    if (cell.Address.RowNumber <= 3)
                        continue;
                    if (codeColumns.Contains(cell.Address.ColumnNumber))
                        Assert.True(cell.DataType == XLDataType.Text, $"{where}: code '{text}' stored as {cell.DataType}");
                    else if (cell.DataType == XLDataType.Text)
                        Assert.False(double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                            $"{where}: number '{text}' stored as text");
                    else if (cell.DataType == XLDataType.DateTime)
                        Assert.StartsWith("dd/mm/yyyy", cell.Style.NumberFormat.Format);
                }
            }
        }
        Assert.True(checkedCells > 1000, $"only {checkedCells} cells");

        // Codes keep their exact text ("1.004873" is a procedure, not a number); the period is stored as real dates.
        var (_, statistics) = (await WorkbooksAsync()).Single(w => w.Name == "statistics");
        using var book = new XLWorkbook(new MemoryStream(statistics));
        var firstProcedure = book.Worksheet("Theo thủ tục").Cell(4, 1);
        Assert.Matches(@"^\d+\.\d{6}$", firstProcedure.GetString());
        var period = book.Worksheet("Kỳ báo cáo");
        Assert.Equal(("Từ ngày", new DateTime(2025, 1, 1)), (period.Cell(4, 1).GetString(), period.Cell(4, 2).GetDateTime()));
        Assert.Equal(("Đến ngày", new DateTime(2025, 12, 31)), (period.Cell(5, 1).GetString(), period.Cell(5, 2).GetDateTime()));
        Assert.Equal((XLDataType.DateTime, "dd/mm/yyyy"), (period.Cell(5, 2).DataType, period.Cell(5, 2).Style.NumberFormat.Format));
        Assert.Equal(XLDataType.DateTime, period.Cell(6, 2).DataType);
    }

    [Fact]
    public async Task The_service_index_workbook_ranks_the_units_and_ends_with_the_city_average()
    {
        // 2024: one structure (the 22 districts), so one sheet without a part number.
        var report = await Service<ServiceIndexService>().ComputeAsync(ReportServiceTests.CityLeader, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        using var wb = new XLWorkbook(new MemoryStream(ReportWorkbooks.ServiceIndex(report)));
        var ws = wb.Worksheet("Chỉ số phục vụ");
        var totalColumn = 3 + report.Rows[0].Result.Groups.Count;
        Assert.Equal("Hạng", ws.Cell(3, totalColumn + 1).GetString());
        var best = report.Rows.Max(r => r.Result.Total);
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var rank = ws.Cell(4 + i, totalColumn + 1).GetValue<int>();
            Assert.Equal(1 + report.Rows.Count(r => r.Result.Total > report.Rows[i].Result.Total + 1e-9), rank);
            Assert.Equal(report.Rows[i].Result.Total == best, rank == 1);
        }
        var average = 4 + report.Rows.Count;
        Assert.StartsWith("Toàn thành phố", ws.Cell(average, 2).GetString());
        Assert.Equal(report.Rows.Average(r => r.Result.Total), ws.Cell(average, totalColumn).GetValue<double>(), 6);
    }

    [Fact]
    public async Task The_streamed_dossier_listing_stores_dates_and_counts_as_dates_and_numbers_under_a_filterable_frozen_wrapped_header()
    {
        var received = HcmcPortal.Domain.VietnamTime.ToUtc(new DateTime(2025, 8, 4, 9, 30, 0));
        DrillDossier[] rows =
        [
            new() { Code = "000.00.01.H29-250804-0001", ProcedureName = "Đăng ký khai sinh", ApplicantName = "Nguyễn Văn An", Status = HcmcPortal.Domain.DossierStatus.Received, ReceivedAt = received, SupplementCount = 2 },
            new() { Code = "000.00.01.H29-250804-0002", ProcedureName = "Đăng ký kết hôn", ApplicantName = "Trần Thị Bình", Status = HcmcPortal.Domain.DossierStatus.Submitted },
        ];
        async IAsyncEnumerable<IReadOnlyList<DrillDossier>> Pages()
        {
            yield return rows;
            await Task.CompletedTask;
        }
        using var file = new MemoryStream();
        await DossierListXlsx.WriteAsync(file, "Hồ sơ trễ hạn", Pages(), _ => { }, default);

        using var wb = new XLWorkbook(new MemoryStream(file.ToArray()));
        var sheet = wb.Worksheet(1);
        Assert.Equal("Danh sách hồ sơ", sheet.Name);
        var date = sheet.Cell(3, 6);
        Assert.Equal(XLDataType.DateTime, date.DataType);
        Assert.Equal(new DateTime(2025, 8, 4, 9, 30, 0), date.GetDateTime());
        Assert.Equal("dd/mm/yyyy hh:mm", date.Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, sheet.Cell(3, 9).DataType);
        Assert.Equal(2, sheet.Cell(3, 9).GetValue<int>());
        Assert.True(sheet.Cell(4, 6).IsEmpty());
        Assert.Equal("A2:J4", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(2, sheet.SheetView.SplitRow);
        Assert.True(sheet.Cell(2, 1).Style.Alignment.WrapText);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
    }
}

using System.Globalization;
using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>
/// The report workbooks, written by <see cref="XlsxWriter"/> from the very objects the screens show, so the figures
/// are identical. Values are written unrounded (the number format shows 2 decimals) so that formula totals equal the
/// screen's totals. Vietnamese headers, styled and frozen; totals as formulas saved with their values; column widths
/// set explicitly.
/// </summary>
public static class ReportWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string PointsFormat = "#,##0.00";
    private const string NormalFormat = "0.0000";
    private const string PercentFormat = "0.00%";
    private const string Count = "#,##0";
    private const string DateFormat = "dd/mm/yyyy";
    private const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    public static string DxFileName(int year, DateOnly today) => $"xep-hang-cds-{year}-{today:yyyyMMdd}.xlsx";
    public static string ServiceIndexFileName(ReportWindow w, DateOnly today) => $"chi-so-phuc-vu-{w.From:yyyyMMdd}-{w.To:yyyyMMdd}-{today:yyyyMMdd}.xlsx";
    public static string StatisticsFileName(ReportWindow w, DateOnly today) => $"thong-ke-ho-so-{w.From:yyyyMMdd}-{w.To:yyyyMMdd}-{today:yyyyMMdd}.xlsx";

    private static readonly CellStyle TitleStyle = new(CellFont.Title), Subtitle = new(CellFont.Italic), Bold = new(CellFont.Bold);

    /// <summary>
    /// Ranking sheet "Xếp hạng" (every district, as on the ranking screen), then one sheet per index with its components and
    /// "Chỉ số đo lường" with counts and framework version — those two only for <paramref name="detailUnitCodes"/>, the districts
    /// whose detail the reader may open (a district leader: their own).
    /// </summary>
    public static byte[] DxRanking(DxRanking ranking, IReadOnlySet<string> detailUnitCodes) => Build(book =>
    {
        var units = ranking.Units;
        var detailUnits = units.Where(u => detailUnitCodes.Contains(u.UnitCode)).ToList();
        var indices = units.FirstOrDefault()?.Indices ?? [];
        var max = units.FirstOrDefault()?.MaxPoints ?? 0;
        var maxText = max.ToString(CultureInfo.InvariantCulture);

        var ws = book.AddSheet("Xếp hạng", [7, 8, 24, 12, 14, .. indices.Select(_ => 16.0)], HeaderRow, frozenRows: 3, frozenColumns: 3);
        Title(ws, $"Xếp hạng chỉ số chuyển đổi số năm {ranking.Period.Year}" + (ranking.Provisional ? " (tạm tính)" : ""),
            $"Bộ chỉ số: {ranking.Period.FrameworkName} — phiên bản {ranking.Period.FrameworkVersion}; tối đa {max:0.##} điểm");
        Header(ws, ["Hạng", "Mã", "Đơn vị", "Tổng điểm", "Chuẩn hóa (0–1)", .. indices.Select(i => $"{i.Code}. {i.Name}")]);
        // Per unit: total, normalised, index scores — the values the average row's formulas average.
        var columns = new List<double[]>();
        foreach (var u in units)
        {
            var row = ws.Row().RowNumber;
            var total = u.Indices.Sum(i => i.Score);
            var normalized = max > 0 ? total / max : 0;
            ws.Number(u.Rank).Text(u.UnitCode).Text(u.UnitName)
                .Formula($"SUM(F{row}:{XlsxWriter.Sheet.ColumnName(5 + Math.Max(1, u.Indices.Count))}{row})", total, Points)
                .Formula(max > 0 ? $"D{row}/{maxText}" : "0", normalized, Normal);
            foreach (var index in u.Indices)
                ws.Number(index.Score, Points);
            columns.Add([total, normalized, .. u.Indices.Select(i => i.Score)]);
        }
        if (units.Count > 0)
        {
            ws.Row(total: true).Skip(2).Text("Trung bình", Bold);
            for (var c = 0; c < 2 + indices.Count; c++)
                ws.Formula(Average(ws.NextColumn, 4, 3 + units.Count), columns.Average(v => v[c]), new(CellFont.Bold, c == 1 ? NormalFormat : PointsFormat));
        }

        for (var i = 0; i < indices.Count; i++)
            IndexSheet(book, indices[i], i, detailUnits);
        MeasuredSheet(book, ranking, detailUnits);
        PeriodSheet(book, $"Xếp hạng chỉ số chuyển đổi số năm {ranking.Period.Year}",
            new DateOnly(ranking.Period.Year, 1, 1), new DateOnly(ranking.Period.Year, 12, 31), null);
    });

    private static void IndexSheet(XlsxWriter book, DxIndexResult index, int indexPosition, IReadOnlyList<DxUnitResult> units)
    {
        var ws = book.AddSheet(SheetName(index.Code), [7, 24, .. index.Components.Select(_ => 18.0), 12], HeaderRow, frozenRows: 3, frozenColumns: 2);
        Title(ws, $"{index.Code}. {index.Name}", $"Tối đa {index.MaxPoints:0.##} điểm; điểm thành phần = min(tỷ lệ ÷ mục tiêu, 1) × điểm tối đa");
        Header(ws, ["Hạng", "Đơn vị", .. index.Components.Select(c => $"{c.Code}. {c.Name} (tối đa {c.MaxPoints:0.##})"), "Điểm chỉ số"], height: 60);
        var maxText = index.MaxPoints.ToString(CultureInfo.InvariantCulture);
        foreach (var unit in units)
        {
            var row = ws.Row().RowNumber;
            var unitIndex = unit.Indices[indexPosition];
            ws.Number(unit.Rank).Text(unit.UnitName);
            foreach (var component in unitIndex.Components)
                ws.Number(component.Score, Points);
            var lastColumn = XlsxWriter.Sheet.ColumnName(2 + Math.Max(1, unitIndex.Components.Count));
            ws.Skip(Math.Max(0, index.Components.Count - unitIndex.Components.Count))
                .Formula($"MIN(SUM(C{row}:{lastColumn}{row}),{maxText})", Math.Min(unitIndex.Components.Sum(c => c.Score), index.MaxPoints), Points);
        }
    }

    private static void MeasuredSheet(XlsxWriter book, DxRanking ranking, IReadOnlyList<DxUnitResult> units)
    {
        var ws = book.AddSheet("Chỉ số đo lường", [22, 14, 40, 22, 10, 10, 10, 10, 11, 10], HeaderRow, frozenRows: 3);
        Title(ws, "Các chỉ số đo lường từ dữ liệu của cổng", $"Phiên bản bộ chỉ số: {ranking.Period.FrameworkVersion}; kỳ {ranking.Period.Year}");
        Header(ws, ["Đơn vị", "Mã thành phần", "Thành phần", "Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu", "Điểm tối đa", "Điểm"]);
        foreach (var u in units)
            foreach (var c in u.Indices.SelectMany(i => i.Components).Where(c => c.Source == Data.DxSource.Measured))
            {
                var row = ws.Row().RowNumber;
                int numerator = c.Numerator ?? 0, denominator = c.Denominator ?? 0;
                // The metric by its Vietnamese title, never its code name.
                ws.Text(u.UnitName).Text(c.Code).Text(c.Name).Text(c.Metric is { } metric ? PortalMetrics.VietnameseTitleOf(metric) : null)
                    .Number(numerator, CountStyle).Number(denominator, CountStyle)
                    .Formula($"IF(F{row}=0,\"\",E{row}/F{row})", Rate(numerator, denominator), PercentStyle)
                    .Number(c.TargetRate, PercentStyle).Number(c.MaxPoints, Points).Number(c.Score, Points);
            }
    }

    /// <summary>
    /// "Chỉ số phục vụ": points per group and total (formula); "Chi tiết": every indicator's counts, rate, threshold and
    /// points. A range that straddles a change of structure gets both sheets once per part, titled by the part.
    /// </summary>
    public static byte[] ServiceIndex(ServiceIndexReport report) => Build(book =>
    {
        for (var s = 0; s < report.Sections.Count; s++)
        {
            var section = report.Sections[s];
            var suffix = report.Straddles ? $" ({s + 1})" : "";
            var period = report.Straddles ? $"Kỳ: {section.Window.Label} — {ReportUnits.SectionTitle(section.Level)}" : $"Kỳ: {section.Window.Label}";
            ServiceIndexSheets(book, section, suffix, period);
        }
        PeriodSheet(book, "Bộ chỉ số phục vụ người dân, doanh nghiệp", report.Window.From, report.Window.To, report.Window.AsOfUtc);
    });

    /// <summary>The group points and their total (a formula), then a "Hạng" column (1 = highest, ties share a rank) and a city-wide average row.</summary>
    private static void ServiceIndexSheets(XlsxWriter book, ServiceIndexSection section, string suffix, string period)
    {
        var rows = section.Rows;
        var groups = rows.FirstOrDefault()?.Result.Groups ?? [];
        var ws = book.AddSheet("Chỉ số phục vụ" + suffix, [8, 24, .. groups.Select(_ => 18.0), 14, 8], HeaderRow, frozenRows: 3, frozenColumns: 2);
        Title(ws, "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)", period);
        Header(ws, ["Mã", "Đơn vị", .. groups.Select(g => $"{g.Code}. {g.Name} (tối đa {g.Max:0})"), "Tổng điểm (100)", "Hạng"]);
        var lastGroup = XlsxWriter.Sheet.ColumnName(2 + Math.Max(1, groups.Count));
        var columns = new List<double[]>();
        foreach (var x in rows)
        {
            var row = ws.Row().RowNumber;
            ws.Text(x.Unit.Code).Text(x.Unit.Name);
            foreach (var g in x.Result.Groups)
                ws.Number(g.Points, Points);
            var total = x.Result.Groups.Sum(g => g.Points);
            ws.Formula($"SUM(C{row}:{lastGroup}{row})", total, Points)
                .Number(1 + rows.Count(other => other.Result.Total > x.Result.Total + 1e-9));
            columns.Add([.. x.Result.Groups.Select(g => g.Points), total]);
        }
        if (rows.Count > 0)
        {
            ws.Row(total: true).Skip().Text("Toàn thành phố (trung bình)", Bold);
            for (var c = 0; c <= groups.Count; c++)
                ws.Formula(Average(ws.NextColumn, 4, 3 + rows.Count), columns.Average(v => v[c]), new(CellFont.Bold, PointsFormat));
        }

        var detail = book.AddSheet("Chi tiết" + suffix, [22, 7, 60, 10, 10, 10, 10, 11, 10], HeaderRow, frozenRows: 3);
        Title(detail, "Chi tiết từng chỉ tiêu", $"{period}. Chỉ tiêu có mẫu số 0 (không phát sinh) được điểm tối đa.");
        Header(detail, ["Đơn vị", "Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Điểm tối đa", "Điểm"]);
        foreach (var x in rows)
            foreach (var i in x.Result.Groups.SelectMany(g => g.Indicators))
            {
                var line = detail.Row().RowNumber;
                detail.Text(x.Unit.Name).Text(i.Code).Text(i.Name)
                    .Number(i.Numerator, CountStyle).Number(i.Denominator, CountStyle)
                    .Formula($"IF(E{line}=0,\"\",D{line}/E{line})", Rate(i.Numerator, i.Denominator), PercentStyle)
                    .Number(i.Threshold, PercentStyle).Number(i.Max, Points).Number(i.Points, Points);
            }
    }

    /// <summary>
    /// One sheet per grouping (unit, procedure, officer), with a received total column and a totals row, both formulas.
    /// By unit, a range that straddles a change of structure gets one sheet per part, titled by the part.
    /// </summary>
    public static byte[] Statistics(IReadOnlyList<StatReport> reports) => Build(book =>
    {
        foreach (var report in reports)
            for (var s = 0; s < report.Sections.Count; s++)
            {
                var section = report.Sections[s];
                var (sheet, keyTitle) = report.Grouping switch
                {
                    StatGrouping.Unit => ("Theo đơn vị", "Đơn vị"),
                    StatGrouping.Procedure => ("Theo thủ tục", "Thủ tục"),
                    _ => ("Theo cán bộ", "Cán bộ xử lý"),
                };
                var period = report.Straddles && section.Level is { } level
                    ? $"Kỳ: {section.Window.Label} — {ReportUnits.SectionTitle(level)}" : $"Kỳ: {section.Window.Label}";
                StatisticsSheet(book, report.Straddles ? $"{sheet} ({s + 1})" : sheet, keyTitle, period, report.Grouping, section.Rows);
            }
        if (reports.Count > 0)
            PeriodSheet(book, "Thống kê tình hình giải quyết hồ sơ", reports[0].Window.From, reports[0].Window.To, reports[0].Window.AsOfUtc);
    });

    private static void StatisticsSheet(XlsxWriter book, string sheet, string keyTitle, string period, StatGrouping grouping, IReadOnlyList<StatRow> rows)
    {
        var columns = StatisticsService.Columns;
        var ws = book.AddSheet(sheet, [12, grouping == StatGrouping.Procedure ? 50 : 26, .. columns.Select(_ => 13.0), 13], HeaderRow, frozenRows: 3, frozenColumns: 2);
        Title(ws, $"Thống kê tình hình giải quyết hồ sơ — {keyTitle.ToLowerInvariant()}", period);
        Header(ws, ["Mã", keyTitle, .. columns.Select(c => c.Title), "Tổng tiếp nhận"]);
        var totals = new long[columns.Count + 1];
        foreach (var x in rows)
        {
            var row = ws.Row().RowNumber;
            ws.Text(x.Code).Text(x.Name);
            for (var c = 0; c < columns.Count; c++)
            {
                ws.Number(x.Values[c], CountStyle);
                totals[c] += x.Values[c];
            }
            // Received = online + in person (columns D and E).
            var received = x.Values[1] + x.Values[2];
            ws.Formula($"D{row}+E{row}", received, CountStyle);
            totals[^1] += received;
        }
        ws.Row(total: true).Skip().Text("Tổng cộng", Bold);
        foreach (var total in totals)
            ws.Formula(rows.Count == 0 ? "0" : Sum(ws.NextColumn, 4, 3 + rows.Count), total, new(CellFont.Bold, Count));
    }

    /// <summary>
    /// "Kỳ báo cáo": the period as real dates (dd/MM/yyyy), so a reader can sort, filter or reuse them; the sheets' titles
    /// carry the same period as text for printing.
    /// </summary>
    private static void PeriodSheet(XlsxWriter book, string report, DateOnly from, DateOnly to, DateTime? asOfUtc)
    {
        var ws = book.AddSheet("Kỳ báo cáo", [24, 20], HeaderRow, frozenRows: 0);
        Title(ws, report, "Thông tin về kỳ báo cáo");
        Header(ws, ["Mục", "Giá trị"]);
        ws.Row().Text("Từ ngày").Date(from.ToDateTime(TimeOnly.MinValue), CellStyle.Of(DateFormat));
        ws.Row().Text("Đến ngày").Date(to.ToDateTime(TimeOnly.MinValue), CellStyle.Of(DateFormat));
        if (asOfUtc is DateTime asOf)
            ws.Row().Text("Số liệu tính đến").Date(VietnamTime.ToLocal(asOf), CellStyle.Of(DateTimeFormat));
    }

    /// <summary>Every table's header is row 3, under the title and subtitle.</summary>
    private const int HeaderRow = 3;

    private static readonly CellStyle Points = CellStyle.Of(PointsFormat), Normal = CellStyle.Of(NormalFormat),
        PercentStyle = CellStyle.Of(PercentFormat), CountStyle = CellStyle.Of(Count);

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static string Average(string column, int first, int last) => $"AVERAGE({column}{first}:{column}{last})";

    private static string Sum(string column, int first, int last) => $"SUM({column}{first}:{column}{last})";

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(ch => !"[]:*?/\\".Contains(ch))]);
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void Title(XlsxWriter.Sheet ws, string title, string subtitle)
    {
        ws.Row().Text(title, TitleStyle);
        ws.Row().Text(subtitle, Subtitle);
    }

    /// <summary>The header row: bold white on blue, wrapped, at least 45 points high so wrapped titles show.</summary>
    private static void Header(XlsxWriter.Sheet ws, IReadOnlyList<string> titles, double height = 45)
    {
        ws.Row(height);
        foreach (var title in titles)
            ws.Text(title, CellStyle.Header);
    }

    private static byte[] Build(Action<XlsxWriter> write)
    {
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output))
            write(book);
        return output.ToArray();
    }
}

using ClosedXML.Excel;
using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>
/// The report workbooks (ClosedXML), built from the very objects the screens show, so the figures are identical.
/// Values are written unrounded (the number format shows 2 decimals) so that formula totals equal the screen's totals.
/// Vietnamese headers, styled and frozen; totals as formulas; column widths set explicitly because
/// AdjustToContents needs GDI+ and throws on Linux (shared/stack.md).
/// </summary>
public static class ReportWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Points = "#,##0.00";
    private const string Normal = "0.0000";
    private const string Percent = "0.00%";
    private const string Count = "#,##0";
    private const string DateFormat = "dd/mm/yyyy";
    private const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    public static string DxFileName(int year, DateOnly today) => $"xep-hang-cds-{year}-{today:yyyyMMdd}.xlsx";
    public static string ServiceIndexFileName(ReportWindow w, DateOnly today) => $"chi-so-phuc-vu-{w.From:yyyyMMdd}-{w.To:yyyyMMdd}-{today:yyyyMMdd}.xlsx";
    public static string StatisticsFileName(ReportWindow w, DateOnly today) => $"thong-ke-ho-so-{w.From:yyyyMMdd}-{w.To:yyyyMMdd}-{today:yyyyMMdd}.xlsx";

    /// <summary>
    /// Ranking sheet "Xếp hạng" (every district, as on the ranking screen), then one sheet per index with its components and
    /// "Chỉ số đo lường" with counts and framework version — those two only for <paramref name="detailUnitCodes"/>, the districts
    /// whose detail the reader may open (a district leader: their own).
    /// </summary>
    public static byte[] DxRanking(DxRanking ranking, IReadOnlySet<string> detailUnitCodes)
    {
        using var wb = new XLWorkbook();
        var units = ranking.Units;
        var detailUnits = units.Where(u => detailUnitCodes.Contains(u.UnitCode)).ToList();
        var indices = units.FirstOrDefault()?.Indices ?? [];
        var max = units.FirstOrDefault()?.MaxPoints ?? 0;

        var ws = wb.AddWorksheet("Xếp hạng");
        Title(ws, $"Xếp hạng chỉ số chuyển đổi số năm {ranking.Period.Year}" + (ranking.Provisional ? " (tạm tính)" : ""),
            $"Bộ chỉ số: {ranking.Period.FrameworkName} — phiên bản {ranking.Period.FrameworkVersion}; tối đa {max:0.##} điểm");
        string[] head = ["Hạng", "Mã", "Đơn vị", "Tổng điểm", "Chuẩn hóa (0–1)", .. indices.Select(i => $"{i.Code}. {i.Name}")];
        Header(ws, 3, head);
        var first = 4;
        for (var r = 0; r < units.Count; r++)
        {
            var u = units[r];
            var row = first + r;
            ws.Cell(row, 1).Value = u.Rank;
            Text(ws.Cell(row, 2), u.UnitCode);
            ws.Cell(row, 3).Value = u.UnitName;
            for (var i = 0; i < u.Indices.Count; i++)
                ws.Cell(row, 6 + i).Value = u.Indices[i].Score;
            var lastIndexCol = ws.Cell(row, 5 + Math.Max(1, u.Indices.Count)).Address.ColumnLetter;
            ws.Cell(row, 4).FormulaA1 = $"SUM(F{row}:{lastIndexCol}{row})";
            ws.Cell(row, 5).FormulaA1 = max > 0 ? $"D{row}/{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "0";
        }
        var last = first + units.Count - 1;
        if (units.Count > 0)
        {
            var avg = last + 1;
            ws.Cell(avg, 3).Value = "Trung bình";
            for (var c = 4; c <= head.Length; c++)
            {
                var col = ws.Cell(avg, c).Address.ColumnLetter;
                ws.Cell(avg, c).FormulaA1 = $"AVERAGE({col}{first}:{col}{last})";
            }
            ws.Row(avg).Style.Font.Bold = true;
        }
        Format(ws, first, last + 1, [(4, Points), (5, Normal), .. Enumerable.Range(6, indices.Count).Select(c => (c, Points))]);
        Widths(ws, [7, 8, 24, 12, 14, .. indices.Select(_ => 16.0)]);
        ws.SheetView.Freeze(3, 3);

        for (var i = 0; i < indices.Count; i++)
            IndexSheet(wb, indices[i], i, detailUnits);
        MeasuredSheet(wb, ranking, detailUnits);
        PeriodSheet(wb, $"Xếp hạng chỉ số chuyển đổi số năm {ranking.Period.Year}",
            new DateOnly(ranking.Period.Year, 1, 1), new DateOnly(ranking.Period.Year, 12, 31), null);
        return Save(wb);
    }

    private static void IndexSheet(XLWorkbook wb, DxIndexResult index, int indexPosition, IReadOnlyList<DxUnitResult> units)
    {
        var ws = wb.AddWorksheet(SheetName(index.Code));
        Title(ws, $"{index.Code}. {index.Name}", $"Tối đa {index.MaxPoints:0.##} điểm; điểm thành phần = min(tỷ lệ ÷ mục tiêu, 1) × điểm tối đa");
        string[] head = ["Hạng", "Đơn vị", .. index.Components.Select(c => $"{c.Code}. {c.Name} (tối đa {c.MaxPoints:0.##})"), "Điểm chỉ số"];
        Header(ws, 3, head);
        for (var r = 0; r < units.Count; r++)
        {
            var row = 4 + r;
            var unitIndex = units[r].Indices[indexPosition];
            ws.Cell(row, 1).Value = units[r].Rank;
            ws.Cell(row, 2).Value = units[r].UnitName;
            for (var c = 0; c < unitIndex.Components.Count; c++)
                ws.Cell(row, 3 + c).Value = unitIndex.Components[c].Score;
            var lastCol = ws.Cell(row, 2 + Math.Max(1, unitIndex.Components.Count)).Address.ColumnLetter;
            ws.Cell(row, head.Length).FormulaA1 = $"MIN(SUM(C{row}:{lastCol}{row}),{index.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }
        Format(ws, 4, 3 + units.Count, [.. Enumerable.Range(3, head.Length - 2).Select(c => (c, Points))]);
        Widths(ws, [7, 24, .. index.Components.Select(_ => 18.0), 12]);
        ws.Row(3).Height = 60;
        ws.Row(3).Style.Alignment.WrapText = true;
        ws.SheetView.Freeze(3, 2);
    }

    private static void MeasuredSheet(XLWorkbook wb, DxRanking ranking, IReadOnlyList<DxUnitResult> units)
    {
        var ws = wb.AddWorksheet("Chỉ số đo lường");
        Title(ws, "Các chỉ số đo lường từ dữ liệu của cổng", $"Phiên bản bộ chỉ số: {ranking.Period.FrameworkVersion}; kỳ {ranking.Period.Year}");
        Header(ws, 3, ["Đơn vị", "Mã thành phần", "Thành phần", "Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu", "Điểm tối đa", "Điểm"]);
        var row = 4;
        foreach (var u in units)
            foreach (var c in u.Indices.SelectMany(i => i.Components).Where(c => c.Source == Data.DxSource.Measured))
            {
                ws.Cell(row, 1).Value = u.UnitName;
                Text(ws.Cell(row, 2), c.Code);
                ws.Cell(row, 3).Value = c.Name;
                // The metric by its Vietnamese title, never its code name.
                ws.Cell(row, 4).Value = c.Metric is { } metric ? PortalMetrics.VietnameseTitleOf(metric) : "";
                ws.Cell(row, 5).Value = c.Numerator ?? 0;
                ws.Cell(row, 6).Value = c.Denominator ?? 0;
                ws.Cell(row, 7).FormulaA1 = $"IF(F{row}=0,\"\",E{row}/F{row})";
                ws.Cell(row, 8).Value = c.TargetRate;
                ws.Cell(row, 9).Value = c.MaxPoints;
                ws.Cell(row, 10).Value = c.Score;
                row++;
            }
        Format(ws, 4, row - 1, [(5, Count), (6, Count), (7, Percent), (8, Percent), (9, Points), (10, Points)]);
        Widths(ws, [22, 14, 40, 22, 10, 10, 10, 10, 11, 10]);
        ws.SheetView.FreezeRows(3);
    }

    /// <summary>
    /// "Chỉ số phục vụ": points per group and total (formula); "Chi tiết": every indicator's counts, rate, threshold and
    /// points. A range that straddles a change of structure gets both sheets once per part, titled by the part.
    /// </summary>
    public static byte[] ServiceIndex(ServiceIndexReport report)
    {
        using var wb = new XLWorkbook();
        for (var s = 0; s < report.Sections.Count; s++)
        {
            var section = report.Sections[s];
            var suffix = report.Straddles ? $" ({s + 1})" : "";
            var period = report.Straddles ? $"Kỳ: {section.Window.Label} — {ReportUnits.SectionTitle(section.Level)}" : $"Kỳ: {section.Window.Label}";
            ServiceIndexSheets(wb, section, suffix, period);
        }
        PeriodSheet(wb, "Bộ chỉ số phục vụ người dân, doanh nghiệp", report.Window.From, report.Window.To, report.Window.AsOfUtc);
        return Save(wb);
    }

    private static void ServiceIndexSheets(XLWorkbook wb, ServiceIndexSection section, string suffix, string period)
    {
        var rows = section.Rows;
        var ws = wb.AddWorksheet("Chỉ số phục vụ" + suffix);
        Title(ws, "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)", period);
        var groups = rows.FirstOrDefault()?.Result.Groups ?? [];
        Header(ws, 3, ["Mã", "Đơn vị", .. groups.Select(g => $"{g.Code}. {g.Name} (tối đa {g.Max:0})"), "Tổng điểm (100)"]);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = 4 + r;
            var x = rows[r];
            Text(ws.Cell(row, 1), x.Unit.Code);
            ws.Cell(row, 2).Value = x.Unit.Name;
            for (var g = 0; g < x.Result.Groups.Count; g++)
                ws.Cell(row, 3 + g).Value = x.Result.Groups[g].Points;
            var lastCol = ws.Cell(row, 2 + Math.Max(1, groups.Count)).Address.ColumnLetter;
            ws.Cell(row, 3 + groups.Count).FormulaA1 = $"SUM(C{row}:{lastCol}{row})";
        }
        Format(ws, 4, 3 + rows.Count, [.. Enumerable.Range(3, groups.Count + 1).Select(c => (c, Points))]);
        RankAndAverage(ws, 4, 3 + rows.Count, 3 + groups.Count, [.. rows.Select(x => x.Result.Total)]);
        Widths(ws, [8, 24, .. groups.Select(_ => 18.0), 14, 8]);
        ws.Row(3).Height = 45;
        ws.Row(3).Style.Alignment.WrapText = true;
        ws.SheetView.Freeze(3, 2);

        var detail = wb.AddWorksheet("Chi tiết" + suffix);
        Title(detail, "Chi tiết từng chỉ tiêu", $"{period}. Chỉ tiêu có mẫu số 0 (không phát sinh) được điểm tối đa.");
        Header(detail, 3, ["Đơn vị", "Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Điểm tối đa", "Điểm"]);
        var line = 4;
        foreach (var x in rows)
            foreach (var i in x.Result.Groups.SelectMany(g => g.Indicators))
            {
                detail.Cell(line, 1).Value = x.Unit.Name;
                Text(detail.Cell(line, 2), i.Code);
                detail.Cell(line, 3).Value = i.Name;
                detail.Cell(line, 4).Value = i.Numerator;
                detail.Cell(line, 5).Value = i.Denominator;
                detail.Cell(line, 6).FormulaA1 = $"IF(E{line}=0,\"\",D{line}/E{line})";
                detail.Cell(line, 7).Value = i.Threshold;
                detail.Cell(line, 8).Value = i.Max;
                detail.Cell(line, 9).Value = i.Points;
                line++;
            }
        Format(detail, 4, line - 1, [(4, Count), (5, Count), (6, Percent), (7, Percent), (8, Points), (9, Points)]);
        Widths(detail, [22, 7, 60, 10, 10, 10, 10, 11, 10]);
        detail.SheetView.FreezeRows(3);
    }

    /// <summary>
    /// One sheet per grouping (unit, procedure, officer), with a received total column and a totals row, both formulas.
    /// By unit, a range that straddles a change of structure gets one sheet per part, titled by the part.
    /// </summary>
    public static byte[] Statistics(IReadOnlyList<StatReport> reports)
    {
        using var wb = new XLWorkbook();
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
                StatisticsSheet(wb, report.Straddles ? $"{sheet} ({s + 1})" : sheet, keyTitle, period, report.Grouping, section.Rows);
            }
        if (reports.Count > 0)
            PeriodSheet(wb, "Thống kê tình hình giải quyết hồ sơ", reports[0].Window.From, reports[0].Window.To, reports[0].Window.AsOfUtc);
        return Save(wb);
    }

    private static void StatisticsSheet(XLWorkbook wb, string sheet, string keyTitle, string period, StatGrouping grouping, IReadOnlyList<StatRow> rows)
    {
        var ws = wb.AddWorksheet(sheet);
        Title(ws, $"Thống kê tình hình giải quyết hồ sơ — {keyTitle.ToLowerInvariant()}", period);
        var columns = StatisticsService.Columns;
        Header(ws, 3, ["Mã", keyTitle, .. columns.Select(c => c.Title), "Tổng tiếp nhận"]);
        var first = 4;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = first + r;
            var x = rows[r];
            Text(ws.Cell(row, 1), x.Code);
            ws.Cell(row, 2).Value = x.Name;
            for (var c = 0; c < columns.Count; c++)
                ws.Cell(row, 3 + c).Value = x.Values[c];
            // Received = online + in person (columns D and E).
            ws.Cell(row, 3 + columns.Count).FormulaA1 = $"D{row}+E{row}";
        }
        var last = first + rows.Count - 1;
        var total = last + 1;
        ws.Cell(total, 2).Value = "Tổng cộng";
        for (var c = 3; c <= 3 + columns.Count; c++)
        {
            var col = ws.Cell(total, c).Address.ColumnLetter;
            ws.Cell(total, c).FormulaA1 = rows.Count == 0 ? "0" : $"SUM({col}{first}:{col}{last})";
        }
        ws.Row(total).Style.Font.Bold = true;
        Format(ws, first, total, [.. Enumerable.Range(3, columns.Count + 1).Select(c => (c, Count))]);
        Widths(ws, [12, grouping == StatGrouping.Procedure ? 50 : 26, .. columns.Select(_ => 13.0), 13]);
        ws.Row(3).Height = 45;
        ws.Row(3).Style.Alignment.WrapText = true;
        ws.SheetView.Freeze(3, 2);
    }

    /// <summary>
    /// "Kỳ báo cáo": the period as real dates (dd/MM/yyyy), so a reader can sort, filter or reuse them; the sheets' titles
    /// carry the same period as text for printing.
    /// </summary>
    private static void PeriodSheet(XLWorkbook wb, string report, DateOnly from, DateOnly to, DateTime? asOfUtc)
    {
        var ws = wb.AddWorksheet("Kỳ báo cáo");
        Title(ws, report, "Thông tin về kỳ báo cáo");
        Header(ws, 3, ["Mục", "Giá trị"]);
        ws.Cell(4, 1).Value = "Từ ngày";
        Date(ws.Cell(4, 2), from.ToDateTime(TimeOnly.MinValue), DateFormat);
        ws.Cell(5, 1).Value = "Đến ngày";
        Date(ws.Cell(5, 2), to.ToDateTime(TimeOnly.MinValue), DateFormat);
        if (asOfUtc is DateTime asOf)
        {
            ws.Cell(6, 1).Value = "Số liệu tính đến";
            Date(ws.Cell(6, 2), VietnamTime.ToLocal(asOf), DateTimeFormat);
        }
        Widths(ws, [24, 20]);
    }

    /// <summary>A code (unit, procedure, indicator) as text: "1.004873" or "00001" must not become a number.</summary>
    private static void Text(IXLCell cell, string value) => cell.SetValue(value).SetDataType(XLDataType.Text);

    private static void Date(IXLCell cell, DateTime value, string format)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(ch => !"[]:*?/\\".Contains(ch))]);
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void Title(IXLWorksheet ws, string title, string subtitle)
    {
        ws.Cell(1, 1).Value = title;
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(2, 1).Value = subtitle;
        ws.Cell(2, 1).Style.Font.Italic = true;
    }

    private static void Header(IXLWorksheet ws, int row, IReadOnlyList<string> titles)
    {
        for (var c = 0; c < titles.Count; c++)
            ws.Cell(row, c + 1).Value = titles[c];
        var range = ws.Range(row, 1, row, titles.Count);
        range.Style.Font.Bold = true;
        range.Style.Font.FontColor = XLColor.White;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#0D47A1");
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }

    private static void Format(IXLWorksheet ws, int firstRow, int lastRow, IEnumerable<(int Column, string Format)> formats)
    {
        if (lastRow < firstRow)
            return;
        foreach (var (column, format) in formats)
            ws.Range(firstRow, column, lastRow, column).Style.NumberFormat.Format = format;
    }

    private static void Widths(IXLWorksheet ws, IReadOnlyList<double> widths)
    {
        for (var c = 0; c < widths.Count; c++)
            ws.Column(c + 1).Width = widths[c];
    }

    /// <summary>
    /// A "Hạng" column after the total (1 = highest, ties share a rank) and a city-wide average row, with cached values.
    /// </summary>
    private static void RankAndAverage(IXLWorksheet ws, int firstRow, int lastRow, int totalColumn, IReadOnlyList<double> totals)
    {
        ws.Cell(3, totalColumn + 1).Value = "Hạng";
        for (var r = 0; r < totals.Count; r++)
            ws.Cell(firstRow + r, totalColumn + 1).Value = 1 + totals.Count(t => t > totals[r] + 1e-9);
        if (totals.Count == 0)
            return;
        var average = lastRow + 1;
        ws.Cell(average, 2).Value = "Toàn thành phố (trung bình)";
        for (var c = 3; c <= totalColumn; c++)
        {
            var col = ws.Cell(average, c).Address.ColumnLetter;
            ws.Cell(average, c).FormulaA1 = $"AVERAGE({col}{firstRow}:{col}{lastRow})";
            ws.Cell(average, c).Style.NumberFormat.Format = Points;
        }
        ws.Row(average).Style.Font.Bold = true;
    }

    /// <summary>
    /// What every workbook gets, in one place: wrapped headers, an autofilter on the table, print setup (A4 landscape,
    /// header row repeated, one page wide), and every formula saved with its computed value, so totals show in viewers
    /// that do not recalculate (previews, mobile apps, mail attachments).
    /// </summary>
    private static void Polish(XLWorkbook wb)
    {
        const int headerRow = 3;
        foreach (var ws in wb.Worksheets)
        {
            var lastColumn = ws.Row(headerRow).LastCellUsed()?.Address.ColumnNumber ?? 0;
            var lastRow = ws.LastRowUsed()?.RowNumber() ?? 0;
            if (lastColumn == 0 || lastRow < headerRow)
                continue;
            var header = ws.Range(headerRow, 1, headerRow, lastColumn);
            header.Style.Alignment.WrapText = true;
            header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
            if (ws.Row(headerRow).Height < 45)
                ws.Row(headerRow).Height = 45;
            // A bold last row is the total or average: it stays under the table when the reader filters or sorts.
            var lastDataRow = lastRow > headerRow && ws.Row(lastRow).Style.Font.Bold ? lastRow - 1 : lastRow;
            ws.Range(headerRow, 1, Math.Max(lastDataRow, headerRow), lastColumn).SetAutoFilter();
            ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
            ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
            ws.PageSetup.FitToPages(1, 0);
        }
    }

    private static byte[] Save(XLWorkbook wb)
    {
        Polish(wb);
        using var ms = new MemoryStream();
        wb.SaveAs(ms, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return ms.ToArray();
    }
}

using ClosedXML.Excel;
using HcmcPortal.Reports;

namespace HcmcPortal.FeedbackReports;

/// <summary>
/// The leaders' figures on residents' reports as a workbook (ClosedXML), from the very report the screen shows: one
/// row per unit in the screen's order, the city total last, real numbers (rates as numbers formatted as %) and dates.
/// Column widths are set by hand: AdjustToContents needs GDI+ (shared/stack.md).
/// </summary>
public static class FeedbackWorkbook
{
    public const string SheetName = "Phản ánh theo đơn vị";

    /// <summary>The columns, in the screen's order: header and the figure read from a unit's counts.</summary>
    public static readonly IReadOnlyList<(string Header, Func<FeedbackCounts, double?> Value, string Format)> Columns =
    [
        ("Tiếp nhận", c => c[FeedbackPart.Received], "#,##0"),
        ("Đã nhận xử lý", c => c[FeedbackPart.Accepted], "#,##0"),
        ("Chuyển đơn vị khác", c => c[FeedbackPart.TransferredOut], "#,##0"),
        ("Giải quyết đúng hạn", c => c[FeedbackPart.ResolvedOnTime], "#,##0"),
        ("Giải quyết trễ hạn", c => c[FeedbackPart.ResolvedLate], "#,##0"),
        ("Đang xử lý, chưa đến hạn", c => c[FeedbackPart.OpenNotDue], "#,##0"),
        ("Đang xử lý, quá hạn", c => c[FeedbackPart.OpenOverdue], "#,##0"),
        ("Từ chối", c => c[FeedbackPart.Refused], "#,##0"),
        ("Bị mở lại", c => c[FeedbackPart.Reopened], "#,##0"),
        ("Tỷ lệ đúng hạn", c => c.OnTimeRate, "0.0%"),
        ("Tỷ lệ hài lòng", c => c.SatisfactionRate, "0.0%"),
        ("Thời gian giải quyết trung bình (ngày)", c => c.MeanDaysToResolve, "0.0"),
    ];

    public static string FileName(ReportWindow w, DateOnly today) => $"phan-anh-kien-nghi-{w.From:yyyyMMdd}-{w.To:yyyyMMdd}-{today:yyyyMMdd}.xlsx";

    public static byte[] Build(FeedbackFiguresReport report)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(SheetName);
        ws.Cell(1, 1).Value = "Phản ánh, kiến nghị của người dân theo phường, xã, đặc khu";
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(2, 1).Value = "Từ ngày";
        ws.Cell(2, 2).Value = report.Window.From.ToDateTime(TimeOnly.MinValue);
        ws.Cell(2, 3).Value = "Đến ngày";
        ws.Cell(2, 4).Value = report.Window.To.ToDateTime(TimeOnly.MinValue);
        ws.Range(2, 2, 2, 4).Style.DateFormat.Format = "dd/MM/yyyy";
        string[] head = ["Hạng", "Mã", "Đơn vị", .. Columns.Select(c => c.Header)];
        for (var c = 0; c < head.Length; c++)
            ws.Cell(4, c + 1).Value = head[c];
        var header = ws.Range(4, 1, 4, head.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#e3f2fd");
        header.Style.Alignment.WrapText = true;
        ws.Row(4).Height = 45;
        var row = 5;
        foreach (var r in report.Rows)
        {
            if (r.Rank is int rank)
                ws.Cell(row, 1).Value = rank;
            ws.Cell(row, 2).Value = r.Unit.Code;
            ws.Cell(row, 3).Value = r.Unit.Name;
            Figures(ws, row, r.Counts);
            row++;
        }
        ws.Cell(row, 3).Value = "Toàn Thành phố";
        Figures(ws, row, report.Total);
        ws.Row(row).Style.Font.Bold = true;
        for (var c = 0; c < Columns.Count; c++)
            ws.Range(5, 4 + c, row, 4 + c).Style.NumberFormat.Format = Columns[c].Format;
        ws.Column(1).Width = 7;
        ws.Column(2).Width = 9;
        ws.Column(3).Width = 28;
        for (var c = 0; c < Columns.Count; c++)
            ws.Column(4 + c).Width = 14;
        ws.SheetView.Freeze(4, 3);
        ws.Range(4, 1, row - 1, head.Length).SetAutoFilter();
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Figures(IXLWorksheet ws, int row, FeedbackCounts counts)
    {
        for (var c = 0; c < Columns.Count; c++)
            if (Columns[c].Value(counts) is double v)
                ws.Cell(row, 4 + c).Value = v;
    }
}

using System.Collections.Concurrent;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>
/// A dossier listing of any size as .xlsx, written row by row with OpenXmlWriter (ClosedXML keeps a whole workbook in
/// memory: shared/stack.md), reading the query page by page — memory stays bounded by one page.
/// </summary>
public static class DossierListXlsx
{
    public const int PageSize = 2000;

    private static readonly string[] Headers =
        ["Mã hồ sơ", "Thủ tục", "Người nộp", "Hình thức", "Trạng thái", "Ngày tiếp nhận", "Hạn trả", "Ngày hoàn thành", "Số lần bổ sung", "Đánh giá"];

    /// <summary>Writes the pages to <paramref name="output"/>; <paramref name="progress"/> gets the rows written so far.</summary>
    public static async Task WriteAsync(Stream output, string title, IAsyncEnumerable<IReadOnlyList<DrillDossier>> pages, Action<int> progress, CancellationToken ct)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();

        using (var w = OpenXmlWriter.Create(sheetPart))
        {
            w.WriteStartElement(new Worksheet());
            // Header row frozen.
            w.WriteStartElement(new SheetViews());
            w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            w.WriteElement(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement(new Columns());
            double[] widths = [26, 50, 26, 12, 24, 16, 16, 16, 10, 14];
            for (var i = 0; i < widths.Length; i++)
                w.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());
            WriteRow(w, [title], styleIndex: 1);
            WriteRow(w, Headers, styleIndex: 2);
            var written = 0;
            await foreach (var page in pages.WithCancellation(ct))
            {
                foreach (var d in page)
                {
                    // Dates and counts are stored as Excel dates and numbers, so they sort, filter and sum.
                    w.WriteStartElement(new Row());
                    Text(w, d.Code);
                    Text(w, d.ProcedureName);
                    Text(w, d.ApplicantName);
                    Text(w, d.Channel == DossierChannel.Online ? "Trực tuyến" : "Trực tiếp");
                    Text(w, DossierText.StatusName(d.Status));
                    Date(w, d.ReceivedAt);
                    Date(w, d.DueAt);
                    Date(w, d.FinishedAt);
                    Number(w, d.SupplementCount);
                    Text(w, RatingText(d.Rating));
                    w.WriteEndElement();
                }
                written += page.Count;
                progress(written);
            }
            w.WriteEndElement();
            // A filter on the header row over every listed dossier; printed landscape, one page wide, header repeated.
            w.WriteElement(new AutoFilter { Reference = $"A2:J{written + 2}" });
            w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
            w.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
            w.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
        workbook.Workbook.AppendChild(new DefinedNames(
            new DefinedName($"'{SheetName}'!$A$2:$J$2") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
            new DefinedName($"'{SheetName}'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        workbook.Workbook.Save();
    }

    private const string SheetName = "Danh sách hồ sơ";

    private static string RatingText(SatisfactionLevel? level) => level is SatisfactionLevel l ? MyDossierService.LevelName(l) : "";

    private static void WriteRow(OpenXmlWriter w, IReadOnlyList<string> values, uint styleIndex)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
            Text(w, v, styleIndex);
        w.WriteEndElement();
    }

    private static void Text(OpenXmlWriter w, string value, uint styleIndex = 0)
    {
        // Inline strings: no shared-string table to hold in memory.
        w.WriteStartElement(new Cell { DataType = CellValues.InlineString, StyleIndex = styleIndex });
        w.WriteElement(new InlineString(new Text(value)));
        w.WriteEndElement();
    }

    /// <summary>A Vietnam-time date and time as an Excel serial date shown dd/MM/yyyy HH:mm; empty when null.</summary>
    private static void Date(OpenXmlWriter w, DateTime? utc)
    {
        if (utc is not DateTime d)
        {
            Text(w, "");
            return;
        }
        w.WriteStartElement(new Cell { StyleIndex = 3 });
        w.WriteElement(new CellValue(VietnamTime.ToLocal(d).ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        w.WriteEndElement();
    }

    private static void Number(OpenXmlWriter w, int value)
    {
        w.WriteStartElement(new Cell { StyleIndex = 0 });
        w.WriteElement(new CellValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        w.WriteEndElement();
    }

    /// <summary>Style 0 plain, 1 bold title, 2 header (bold white on blue, wrapped), 3 date and time dd/MM/yyyy HH:mm.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
        new Fonts(
            new Font(),
            new Font(new Bold(), new FontSize { Val = 14 }),
            new Font(new Bold(), new Color { Rgb = "FFFFFFFF" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF0D47A1" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));
}

/// <summary>The state of one listing export, polled by the page for its progress bar.</summary>
public sealed class ExportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string OwnerUserId { get; init; }
    public required string FileName { get; init; }
    public required string FilePath { get; init; }
    public required int Total { get; init; }
    public int Written { get; set; }
    public bool Done { get; set; }
    public string? Error { get; set; }
    public DateTime StartedUtc { get; } = DateTime.UtcNow;
    public double Percent => Total == 0 ? 100 : Math.Min(100, 100.0 * Written / Total);
}

/// <summary>
/// Background listing exports: the page starts one, polls its progress, then downloads the finished file once from
/// GET /api/v1/reports/exports/{id} (which deletes it). Files live in the temp folder; old ones are swept.
/// </summary>
public sealed class ExportJobs(DrillDownService drill, ILogger<ExportJobs> log)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ExportJob> jobs = new();

    public async Task<ExportJob?> StartAsync(Actor actor, DrillDownQuery q, CancellationToken ct = default)
    {
        Sweep();
        if (await drill.UnitAsync(actor, q.UnitCode, q.From, q.To, ct) is not { } unit)
            return null;
        var total = await drill.CountAsync(actor, unit, q, ct);
        var folder = Path.Combine(Path.GetTempPath(), "hcmcportal-exports");
        Directory.CreateDirectory(folder);
        var job = new ExportJob
        {
            OwnerUserId = actor.UserId,
            // Named in Vietnamese without diacritics ("ho-so-da-giai-quyet-dung-han-…"), not by the metric's code.
            FileName = $"{System.Text.RegularExpressions.Regex.Replace(VietnameseText.Fold(PortalMetrics.PartTitle(q.Part)), "[^a-z0-9]+", "-").Trim('-')}-{unit.Code}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.xlsx",
            FilePath = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".xlsx"),
            Total = total,
        };
        jobs[job.Id] = job;
        var title = $"{PortalMetrics.PartTitle(q.Part)} — {unit.Name} — {q.From:dd/MM/yyyy}–{q.To:dd/MM/yyyy} ({q.Metric.Title})";
        _ = Task.Run(async () =>
        {
            try
            {
                await using var file = File.Create(job.FilePath);
                await DossierListXlsx.WriteAsync(file, title, drill.PagesAsync(actor, unit, q, DossierListXlsx.PageSize), n => job.Written = n, CancellationToken.None);
                job.Done = true;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Listing export {Job} failed", job.Id);
                job.Error = "Không xuất được danh sách. Vui lòng thử lại.";
            }
        }, CancellationToken.None);
        return job;
    }

    /// <summary>The job, only for the user who started it.</summary>
    public ExportJob? Get(Guid id, string userId) => jobs.TryGetValue(id, out var job) && job.OwnerUserId == userId ? job : null;

    /// <summary>Hands the finished file over once.</summary>
    public ExportJob? TakeFinished(Guid id, string userId) =>
        Get(id, userId) is { Done: true } job && jobs.TryRemove(id, out _) ? job : null;

    private void Sweep()
    {
        foreach (var job in jobs.Values.Where(j => DateTime.UtcNow - j.StartedUtc > KeepFor))
            if (jobs.TryRemove(job.Id, out _))
                File.Delete(job.FilePath);
    }
}

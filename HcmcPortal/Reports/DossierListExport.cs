using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>
/// A dossier listing of any size as .xlsx, streamed: the package is a <see cref="ZipArchive"/> in create mode and the
/// sheet is written row by row with a plain <see cref="XmlWriter"/> on its compressed entry, reading the query page by
/// page — memory stays bounded by one page. (ClosedXML keeps a whole workbook in memory, shared/stack.md; the Open XML
/// SDK's package opens the zip in update mode, which buffers the whole uncompressed sheet in memory, and its
/// OpenXmlWriter builds objects for every cell: both cost more than the query.)
/// </summary>
public static class DossierListXlsx
{
    /// <summary>
    /// Rows read, logged (one committed transaction) and written per page: each page costs a query and a log commit
    /// (a WAL sync), so a page of 5,000 (a few MB of rows) pays them 2.5× less often than 2,000 did.
    /// </summary>
    public const int PageSize = 5000;

    private const string SheetName = "Danh sách hồ sơ";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] Headers =
        ["Mã hồ sơ", "Thủ tục", "Người nộp", "Hình thức", "Trạng thái", "Ngày tiếp nhận", "Hạn trả", "Ngày hoàn thành", "Số lần bổ sung", "Đánh giá"];

    private static readonly double[] Widths = [26, 50, 26, 12, 24, 16, 16, 16, 10, 14];

    /// <summary>Cell styles of <see cref="Styles"/>.</summary>
    private const string Title = "1", Header = "2", DateTimeStyle = "3";

    /// <summary>Writes the pages to <paramref name="output"/>; <paramref name="progress"/> gets the rows written so far.</summary>
    public static async Task WriteAsync(Stream output, string title, IAsyncEnumerable<IReadOnlyList<DrillDossier>> pages, Action<int> progress, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Add(zip, "[Content_Types].xml", ContentTypes);
        Add(zip, "_rels/.rels", PackageRelationships);
        Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        Add(zip, "xl/styles.xml", Styles);
        var written = 0;
        using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var w = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument(standalone: true);
            w.WriteStartElement("worksheet", Main);
            // Header row frozen.
            w.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
            w.WriteStartElement("cols", Main);
            for (var i = 0; i < Widths.Length; i++)
            {
                w.WriteStartElement("col", Main);
                w.WriteAttributeString("min", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("max", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("width", Widths[i].ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteStartElement("sheetData", Main);
            WriteRow(w, [title], Title);
            WriteRow(w, Headers, Header);
            await foreach (var page in pages.WithCancellation(ct))
            {
                foreach (var d in page)
                {
                    // Dates and counts are stored as Excel dates and numbers, so they sort, filter and sum.
                    w.WriteStartElement("row", Main);
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
            w.WriteRaw($"<autoFilter ref=\"A2:J{written + 2}\"/>");
            w.WriteRaw("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>");
            w.WriteRaw("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>");
            w.WriteEndElement();
        }
        Add(zip, "xl/workbook.xml", Workbook);
    }

    private static string RatingText(SatisfactionLevel? level) => level is SatisfactionLevel l ? MyDossierService.LevelName(l) : "";

    private static void WriteRow(XmlWriter w, IReadOnlyList<string> values, string style)
    {
        w.WriteStartElement("row", Main);
        foreach (var v in values)
            Text(w, v, style);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string value, string? style = null)
    {
        // Inline strings: no shared-string table to hold in memory.
        w.WriteStartElement("c", Main);
        if (style is not null)
            w.WriteAttributeString("s", style);
        w.WriteAttributeString("t", "inlineStr");
        w.WriteStartElement("is", Main);
        w.WriteElementString("t", Main, value);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A Vietnam-time date and time as an Excel serial date shown dd/MM/yyyy HH:mm; an empty cell when null.</summary>
    private static void Date(XmlWriter w, DateTime? utc)
    {
        w.WriteStartElement("c", Main);
        if (utc is DateTime d)
        {
            w.WriteAttributeString("s", DateTimeStyle);
            w.WriteStartElement("v", Main);
            w.WriteValue(VietnamTime.ToLocal(d).ToOADate());
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Number(XmlWriter w, int value)
    {
        w.WriteStartElement("c", Main);
        w.WriteStartElement("v", Main);
        w.WriteValue(value);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    /// <summary>The one sheet, its filter range (Excel's hidden name for the autofilter) and the header row repeated on every printed page.</summary>
    private const string Workbook = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SheetName}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'{SheetName}'!$A$2:$J$2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'{SheetName}'!$2:$2</definedName></definedNames></workbook>
        """;

    /// <summary>Style 0 plain, 1 bold title, 2 header (bold white on blue, wrapped), 3 date and time dd/MM/yyyy HH:mm.</summary>
    private const string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="3"><font/><font><b/><sz val="14"/></font><font><b/><color rgb="FFFFFFFF"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF0D47A1"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="4"><xf/><xf fontId="1" applyFont="1"/><xf fontId="2" fillId="2" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
        """;
}

/// <summary>The state of one listing export, polled by the page for its progress bar.</summary>
public sealed record ExportJob(Guid Id, int Total, int Written, bool Done, string? Error)
{
    public double Percent => Total == 0 ? 100 : Math.Min(100, 100.0 * Written / Total);
}

/// <summary>
/// Background listing exports that any instance can serve (issue 14): the page starts one, polls its progress, then
/// downloads the finished file once from GET /api/v1/reports/exports/{id}, whichever instance answers. The job (who
/// asked, the query, progress) and the finished file are rows of <c>ExportJobs</c>; the instance that started it writes
/// it, holding a lease renewed with each page, and if that instance dies another one takes the job over when the lease
/// runs out (<see cref="ExecuteAsync"/>). Old jobs are swept after an hour.
/// </summary>
public sealed class ExportJobs(IDbContextFactory<AppDbContext> dbFactory, DrillDownService drill, TimeProvider clock, ILogger<ExportJobs> log)
    : BackgroundService
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    /// <summary>Renewed after each page of <see cref="DossierListXlsx.PageSize"/> rows, which takes well under a second.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan OrphanCheck = TimeSpan.FromSeconds(30);
    private const string Failed = "Không xuất được danh sách. Vui lòng thử lại.";

    private sealed record StoredActor(string UserId, string Name, int? UnitId, string? UnitPath, string? UnitName, string[] Roles)
    {
        public Actor ToActor() => new(UserId, Name, UnitId, UnitPath, UnitName, Roles.ToHashSet());
    }

    public async Task<ExportJob?> StartAsync(Actor actor, DrillDownQuery q, CancellationToken ct = default)
    {
        if (await drill.UnitAsync(actor, q.UnitCode, q.From, q.To, ct) is not { } unit)
            return null;
        var total = await drill.CountAsync(actor, unit, q, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJobRecord
        {
            Id = Guid.NewGuid(),
            OwnerUserId = actor.UserId,
            ActorJson = JsonSerializer.Serialize(new StoredActor(actor.UserId, actor.Name, actor.UnitId, actor.UnitPath, actor.UnitName, [.. actor.Roles])),
            QueryJson = JsonSerializer.Serialize(q),
            // Named in Vietnamese without diacritics ("ho-so-da-giai-quyet-dung-han-…"), not by the metric's code.
            FileName = $"{System.Text.RegularExpressions.Regex.Replace(VietnameseText.Fold(PortalMetrics.VietnamesePartTitle(q.Part)), "[^a-z0-9]+", "-").Trim('-')}-{unit.Code}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.xlsx",
            Title = $"{PortalMetrics.VietnamesePartTitle(q.Part)} — {unit.Name} — {q.From:dd/MM/yyyy}–{q.To:dd/MM/yyyy} ({q.Metric.VietnameseTitle})",
            Total = total,
            StartedAt = now,
            LeaseUntil = now + Lease,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        _ = Task.Run(() => RunAsync(job.Id, actor, q, job.Title, CancellationToken.None), CancellationToken.None);
        return new ExportJob(job.Id, total, 0, false, null);
    }

    /// <summary>The job's progress, only for the user who started it.</summary>
    public async Task<ExportJob?> GetAsync(Guid id, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking().Where(j => j.Id == id && j.OwnerUserId == userId)
            .Select(j => new ExportJob(j.Id, j.Total, j.Written, j.DoneAt != null, j.Error)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Hands the finished file over once (of two downloads racing, the one that deletes the row gets it).</summary>
    public async Task<(string FileName, byte[] Content)?> TakeFinishedAsync(Guid id, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.ExportJobs.AsNoTracking().Where(j => j.Id == id && j.OwnerUserId == userId && j.DoneAt != null && j.Content != null)
            .Select(j => new { j.FileName, j.Content }).FirstOrDefaultAsync(ct);
        if (file is null || await db.ExportJobs.Where(j => j.Id == id).ExecuteDeleteAsync(ct) != 1)
            return null;
        return (file.FileName, file.Content!);
    }

    /// <summary>Writes the workbook to a temporary file, renewing the lease with each page, then stores it in the job's row.</summary>
    private async Task RunAsync(Guid id, Actor actor, DrillDownQuery q, string title, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hcmcportal-export-{id:N}.xlsx");
        try
        {
            if (await drill.UnitAsync(actor, q.UnitCode, q.From, q.To, ct) is not { } unit)
                throw new InvalidOperationException("The unit is no longer visible to the user who asked.");
            await using (var file = File.Create(path))
                await DossierListXlsx.WriteAsync(file, title, Reporting(id, drill.PagesAsync(actor, unit, q, DossierListXlsx.PageSize), ct), _ => { }, ct);
            var content = await File.ReadAllBytesAsync(path, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.ExportJobs.Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Content, content).SetProperty(j => j.DoneAt, now), ct);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Listing export {Job} failed", id);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Error, Failed), CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Passes the pages through, recording the rows written and renewing the lease after each.</summary>
    private async IAsyncEnumerable<IReadOnlyList<DrillDossier>> Reporting(Guid id, IAsyncEnumerable<IReadOnlyList<DrillDossier>> pages,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var written = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            yield return page;
            written += page.Count;
            var until = clock.GetUtcNow().UtcDateTime + Lease;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.ExportJobs.Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Written, written).SetProperty(j => j.LeaseUntil, until), ct);
        }
    }

    /// <summary>
    /// On every instance: takes over the jobs whose writer stopped (its lease ran out, e.g. the instance was killed) and
    /// sweeps old ones. The claim is a conditional UPDATE, so exactly one instance resumes each job.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ResumeOrphansAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Export job pass failed");
            }
            try
            {
                await Task.Delay(OrphanCheck, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task ResumeOrphansAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var old = now - KeepFor;
        await db.ExportJobs.Where(j => j.StartedAt < old).ExecuteDeleteAsync(ct);
        var orphans = await db.ExportJobs.AsNoTracking().Where(j => j.DoneAt == null && j.Error == null && j.LeaseUntil <= now)
            .Select(j => j.Id).ToListAsync(ct);
        foreach (var id in orphans)
        {
            var until = now + Lease;
            if (await db.ExportJobs.Where(j => j.Id == id && j.DoneAt == null && j.Error == null && j.LeaseUntil <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct) != 1)
                continue;
            var job = await db.ExportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.ActorJson, j.QueryJson, j.Title }).SingleAsync(ct);
            log.LogInformation("Resuming listing export {Job} left by a stopped instance", id);
            await RunAsync(id, JsonSerializer.Deserialize<StoredActor>(job.ActorJson)!.ToActor(),
                JsonSerializer.Deserialize<DrillDownQuery>(job.QueryJson)!, job.Title, ct);
        }
    }
}

using System.Text.Json;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Reports;

/// <summary>
/// A dossier listing of any size as .xlsx, streamed through <see cref="XlsxWriter"/> while the query is read page by
/// page — memory stays bounded by one page.
/// </summary>
public static class DossierListXlsx
{
    /// <summary>
    /// Rows read, logged (one committed transaction) and written per page: each page costs a query and a log commit
    /// (a WAL sync), so a page of 5,000 (a few MB of rows) pays them 2.5× less often than 2,000 did.
    /// </summary>
    public const int PageSize = 5000;

    private const string SheetName = "Danh sách hồ sơ";

    private static readonly string[] Headers =
        ["Mã hồ sơ", "Thủ tục", "Người nộp", "Hình thức", "Trạng thái", "Ngày tiếp nhận", "Hạn trả", "Ngày hoàn thành", "Số lần bổ sung", "Đánh giá"];

    private static readonly double[] Widths = [26, 50, 26, 12, 24, 16, 16, 16, 10, 14];

    private static readonly CellStyle Title = new(CellFont.Title), DateTimeStyle = CellStyle.Of("dd/mm/yyyy hh:mm");

    /// <summary>Writes the pages to <paramref name="output"/>; <paramref name="progress"/> gets the rows written so far.</summary>
    public static async Task WriteAsync(Stream output, string title, IAsyncEnumerable<IReadOnlyList<DrillDossier>> pages, Action<int> progress, CancellationToken ct)
    {
        using var book = new XlsxWriter(output);
        // Title, then the header row, frozen and filterable.
        var sheet = book.AddSheet(SheetName, Widths, headerRow: 2, frozenRows: 2);
        sheet.Row().Text(title, Title);
        sheet.Row();
        foreach (var header in Headers)
            sheet.Text(header, CellStyle.Header);
        var written = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var d in page)
            {
                // Dates and counts are stored as Excel dates and numbers, so they sort, filter and sum.
                sheet.Row()
                    .Text(d.Code)
                    .Text(d.ProcedureName)
                    .Text(d.ApplicantName)
                    .Text(d.Channel == DossierChannel.Online ? "Trực tuyến" : "Trực tiếp")
                    .Text(DossierText.StatusName(d.Status))
                    .Date(Local(d.ReceivedAt), DateTimeStyle)
                    .Date(Local(d.DueAt), DateTimeStyle)
                    .Date(Local(d.FinishedAt), DateTimeStyle)
                    .Number(d.SupplementCount)
                    .Text(RatingText(d.Rating));
            }
            written += page.Count;
            progress(written);
        }
    }

    private static DateTime? Local(DateTime? utc) => utc is DateTime d ? VietnamTime.ToLocal(d) : null;

    private static string RatingText(SatisfactionLevel? level) => level is SatisfactionLevel l ? MyDossierService.LevelName(l) : "";
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

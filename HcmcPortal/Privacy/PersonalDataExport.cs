using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Privacy;

/// <summary>
/// Everything the portal holds about the signed-in person, as a ZIP of JSON files and their uploaded files (the data
/// subject's right of access, Law 91/2025/QH15): account, dossiers with form answers and history, files, ratings,
/// notifications, drafts, and who viewed their dossiers. The same service serves the account page and the API.
/// </summary>
public sealed class PersonalDataExport(IDbContextFactory<AppDbContext> dbFactory, PersonalDataAccessQueries accesses, TimeProvider clock)
{
    // Vietnamese stays readable in the files (not \u escapes).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task WriteAsync(Actor actor, Stream output, CancellationToken ct = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = actor.UserId;

        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.FullName, u.Cccd, u.PhoneNumber, u.CreatedAt, u.EmailConfirmed }).FirstAsync(ct);
        Write(zip, "tai-khoan.json", new { account, roles = actor.Roles.Order().ToList(), exportedAt = clock.GetUtcNow().UtcDateTime });

        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.ApplicantUserId == userId).OrderBy(d => d.SubmittedAt)
            .Select(d => new
            {
                d.Id, d.Code, Procedure = d.Procedure!.Name, ProcedureCode = d.Procedure.Code, Unit = d.Unit!.Name, d.Status, d.Channel,
                d.ApplicantName, d.ApplicantCccd, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress, d.FormDataJson,
                d.SubmittedAt, d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.SupplementRequest,
            }).ToListAsync(ct);
        var ids = dossiers.Select(d => d.Id).ToList();
        var events = (await db.DossierEvents.AsNoTracking().Where(e => ids.Contains(e.DossierId)).OrderBy(e => e.Id)
            .Select(e => new { e.DossierId, e.At, e.Action, Unit = e.ActorUnitName, e.ToStatus }).ToListAsync(ct)).ToLookup(e => e.DossierId);
        var ratings = await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.DossierId)).ToDictionaryAsync(r => r.DossierId, ct);
        var files = await db.Files.AsNoTracking().Where(f => f.DossierId != null && ids.Contains(f.DossierId.Value)).OrderBy(f => f.UploadedAt)
            .Select(f => new { f.Id, f.DossierId, f.FileName, f.ContentType, f.Size, f.Kind, f.UploadedAt, f.Sha256 }).ToListAsync(ct);
        var byDossier = files.ToLookup(f => f.DossierId);
        var viewers = new Dictionary<Guid, IReadOnlyList<DossierViewer>>();
        foreach (var id in ids)
            viewers[id] = await accesses.ViewersAsync(actor, id, ct);
        Write(zip, "ho-so.json", dossiers.Select(d => new
        {
            d.Code, d.ProcedureCode, d.Procedure, d.Unit, status = (int)d.Status, channel = d.Channel.ToString(),
            applicant = new { name = d.ApplicantName, cccd = d.ApplicantCccd, phone = d.ApplicantPhone, email = d.ApplicantEmail, address = d.ApplicantAddress },
            formAnswers = JsonNode.Parse(d.FormDataJson),
            d.SubmittedAt, d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.SupplementRequest,
            history = events[d.Id].Select(e => new { e.At, e.Action, e.Unit, status = (int)e.ToStatus }),
            rating = ratings.TryGetValue(d.Id, out var r) ? new { level = r.Level.ToString(), r.Comment, r.At } : null,
            files = byDossier[d.Id].Select(f => new { f.FileName, f.ContentType, f.Size, kind = f.Kind.ToString(), f.UploadedAt, f.Sha256, path = FilePath(d.Code, f.Id, f.FileName) }),
            viewedBy = viewers[d.Id],
        }));

        var drafts = await db.Drafts.AsNoTracking().Where(d => d.OwnerUserId == userId)
            .Select(d => new { d.Id, Procedure = d.Procedure!.Name, d.DataJson, d.CreatedAt, d.UpdatedAt }).ToListAsync(ct);
        var draftIds = drafts.Select(d => d.Id).ToList();
        var draftFiles = await db.Files.AsNoTracking().Where(f => f.DraftId != null && draftIds.Contains(f.DraftId.Value))
            .Select(f => new { f.Id, f.DraftId, f.FileName, f.ContentType, f.Size }).ToListAsync(ct);
        Write(zip, "ho-so-nhap.json", drafts.Select(d => new
        {
            d.Id, d.Procedure, answers = JsonNode.Parse(d.DataJson), d.CreatedAt, d.UpdatedAt,
            files = draftFiles.Where(f => f.DraftId == d.Id).Select(f => new { f.FileName, f.ContentType, f.Size, path = FilePath("nhap-" + d.Id.ToString("N")[..8], f.Id, f.FileName) }),
        }));

        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.At)
            .Select(n => new { n.Title, n.Body, n.At, n.ReadAt }).ToListAsync(ct);
        Write(zip, "thong-bao.json", notifications);

        // The bytes, one file at a time.
        foreach (var f in files)
            await CopyFileAsync(db, zip, f.Id, FilePath(dossiers.First(d => d.Id == f.DossierId).Code, f.Id, f.FileName), ct);
        foreach (var f in draftFiles)
            await CopyFileAsync(db, zip, f.Id, FilePath("nhap-" + f.DraftId!.Value.ToString("N")[..8], f.Id, f.FileName), ct);
    }

    private static string FilePath(string folder, Guid fileId, string fileName) =>
        $"tep/{folder}/{fileId.ToString("N")[..8]}-{Path.GetFileName(fileName)}";

    private static async Task CopyFileAsync(AppDbContext db, ZipArchive zip, Guid fileId, string path, CancellationToken ct)
    {
        var data = await db.FileContents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Data).FirstOrDefaultAsync(ct);
        if (data is null)
            return;
        await using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        await entry.WriteAsync(data, ct);
    }

    private static void Write<T>(ZipArchive zip, string name, T value)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        JsonSerializer.Serialize(entry, value, Json);
    }
}

using HcmcPortal.Data;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Dossiers;

/// <summary>A file as it arrives from any upload path (web form, supplement, officer forms, walk-in scans, API).</summary>
public sealed record UploadedFile(string FileName, byte[] Data, int? RequiredDocumentId = null)
{
    /// <summary>The name as shown and stored: reduced to a safe display name the moment the upload exists, whatever its path.</summary>
    public string FileName { get; init; } = TextRules.SafeFileName(FileName);
}

/// <summary>
/// A required document as uploads see it: its name and the types its procedure (version) accepts for it, as the
/// catalogue editor stores them ("pdf,jpg"; empty: the portal's types).
/// </summary>
public sealed record DocumentSlot(int Id, string Name, string AcceptedTypes);

/// <summary><c>Uploads:*</c>: the size and types of uploaded files, runtime settings an administrator edits (Admin → Thiết lập).</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public const int MaxMegabytesCeiling = 100;

    public int MaxMegabytes { get; set; } = 10;

    /// <summary>Comma-separated among <see cref="FileRules.KnownTypes"/>, e.g. "pdf,jpg,png".</summary>
    public string AllowedTypes { get; set; } = "pdf,jpg,png";

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    public IReadOnlyList<string> Types => AllowedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.ToLowerInvariant()).Where(FileRules.KnownTypes.ContainsKey).Distinct().ToList();
}

/// <summary>
/// Uploads are checked by their content (magic bytes), never by their name or declared type. The size and the types
/// are read at each check, so an administrator's change applies at once, without a restart.
/// </summary>
public sealed class FileRules(IOptionsMonitor<UploadOptions> options)
{
    public const int MaxFilesPerSlot = 5;

    /// <summary>The types the portal can recognise by content: short name → (content type, extensions, display name).</summary>
    public static readonly IReadOnlyDictionary<string, (string ContentType, string Extensions, string Display)> KnownTypes =
        new Dictionary<string, (string, string, string)>
        {
            ["pdf"] = ("application/pdf", ".pdf", "PDF"),
            ["jpg"] = ("image/jpeg", ".jpg,.jpeg", "JPG"),
            ["png"] = ("image/png", ".png", "PNG"),
        };

    public UploadOptions Current => options.CurrentValue;

    public long MaxBytes => Current.MaxBytes;

    /// <summary>The file inputs' accept attribute.</summary>
    public string Accept => string.Join(",", Current.Types.SelectMany(t => new[] { KnownTypes[t].Extensions, KnownTypes[t].ContentType }));

    /// <summary>The types a document accepts: its own list within the portal's (an administrator may have turned one off since).</summary>
    public IReadOnlyList<string> TypesFor(DocumentSlot? document)
    {
        var portal = Current.Types;
        var own = document is null ? [] : Admin.Catalogue.DocumentEdit.TypesOf(document.AcceptedTypes).ToList();
        return own.Count == 0 ? portal : portal.Where(own.Contains).ToList();
    }

    /// <summary>The file input's accept attribute for one document: a hint for the picker; <see cref="Check(string, ReadOnlySpan{byte}, DocumentSlot?)"/> is the rule.</summary>
    public string AcceptFor(DocumentSlot? document) =>
        string.Join(",", TypesFor(document).SelectMany(t => new[] { KnownTypes[t].Extensions, KnownTypes[t].ContentType }));

    /// <summary>
    /// The portal's checks, then the document's own types: the content (magic bytes) and the name's extension must both
    /// be one of them, so a PDF renamed ".jpg" is refused as well as a photo where only PDF is accepted. A name left
    /// without an extension once made safe (e.g. "..pdf") is judged by its content alone.
    /// </summary>
    public (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> data, DocumentSlot? document)
    {
        var (type, error) = Check(fileName, data);
        if (error is not null || document is null)
            return (type, error);
        fileName = TextRules.SafeFileName(fileName);
        var accepted = TypesFor(document);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var fits = accepted.Any(t => KnownTypes[t].ContentType == type && (extension.Length == 0 || KnownTypes[t].Extensions.Split(',').Contains(extension)));
        return fits ? (type, null) : (null, accepted.Count == 0
            ? UiTexts.Format("Dossier.Upload.DocumentAcceptsNone", document.Name)
            : UiTexts.Format("Dossier.Upload.DocumentAccepts", fileName, document.Name, Names(accepted), Extensions(accepted)));
    }

    /// <summary>".pdf, .jpg, .jpeg".</summary>
    public static string Extensions(IReadOnlyList<string> types) => string.Join(", ", types.SelectMany(t => KnownTypes[t].Extensions.Split(',')));

    /// <summary>Returns the content type detected from the bytes, or an error in the reader's language.</summary>
    public (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> data)
    {
        fileName = TextRules.SafeFileName(fileName);
        var limits = Current;
        if (data.Length == 0)
            return (null, UiTexts.Format("Dossier.Upload.Empty", fileName));
        if (data.Length > limits.MaxBytes)
            return (null, UiTexts.Format("Dossier.Upload.TooLarge", fileName, limits.MaxMegabytes));
        var type = Detect(data);
        var allowed = limits.Types;
        return type is null || !allowed.Any(t => KnownTypes[t].ContentType == type)
            ? (null, UiTexts.Format("Dossier.Upload.WrongType", fileName, Names(allowed)))
            : (type, null);
    }

    /// <summary>"PDF, JPG hoặc PNG" ("PDF, JPG or PNG" in English).</summary>
    public static string Names(IReadOnlyList<string> types)
    {
        var names = types.Select(t => KnownTypes[t].Display).ToList();
        return names.Count < 2 ? string.Concat(names) : UiTexts.Format("Dossier.Upload.OneOf", string.Join(", ", names[..^1]), names[^1]);
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static string? Detect(ReadOnlySpan<byte> d) =>
        d.StartsWith("%PDF-"u8) ? "application/pdf"
        : d.StartsWith(Png) ? "image/png"
        : d.StartsWith(Jpeg) ? "image/jpeg"
        : null;
}

/// <summary>The documents files can be uploaded to, each with the types it accepts.</summary>
public static class DocumentSlots
{
    public static DocumentSlot Of(RequiredDocument d) => new(d.Id, d.Name, d.AcceptedTypes);

    /// <summary>
    /// Every document row of the procedure (a supplement may answer a document since retired), with the accepted types
    /// of the version the dossier was filed under. A version's stored definition names its documents, not their rows,
    /// so a row takes the types of the version's document of the same name, and its own when the version has none.
    /// </summary>
    public static async Task<Dictionary<int, DocumentSlot>> FiledUnderAsync(AppDbContext db, int procedureId, int version, CancellationToken ct)
    {
        var rows = await db.RequiredDocuments.AsNoTracking().Where(r => r.ProcedureId == procedureId)
            .Select(r => new DocumentSlot(r.Id, r.Name, r.AcceptedTypes)).ToDictionaryAsync(s => s.Id, ct);
        if (await Admin.Catalogue.ProcedureVersions.DefinitionAsync(db, procedureId, version, ct) is not { } filed)
            return rows;
        var typesByName = filed.Documents.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().AcceptedTypes);
        return rows.Values.Select(r => typesByName.TryGetValue(r.Name, out var types) ? r with { AcceptedTypes = types } : r).ToDictionary(s => s.Id);
    }
}

using HcmcPortal.Validation;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Dossiers;

/// <summary>A file as it arrives from any upload path (web form, supplement, officer forms, walk-in scans, API).</summary>
public sealed record UploadedFile(string FileName, byte[] Data, int? RequiredDocumentId = null)
{
    /// <summary>The name as shown and stored: reduced to a safe display name the moment the upload exists, whatever its path.</summary>
    public string FileName { get; init; } = TextRules.SafeFileName(FileName);
}

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

    /// <summary>Returns the content type detected from the bytes, or a Vietnamese error.</summary>
    public (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> data)
    {
        fileName = TextRules.SafeFileName(fileName);
        var limits = Current;
        if (data.Length == 0)
            return (null, $"Tệp «{fileName}» rỗng.");
        if (data.Length > limits.MaxBytes)
            return (null, $"Tệp «{fileName}» vượt quá dung lượng tối đa {limits.MaxMegabytes} MB.");
        var type = Detect(data);
        var allowed = limits.Types;
        return type is null || !allowed.Any(t => KnownTypes[t].ContentType == type)
            ? (null, $"Tệp «{fileName}» không phải {Names(allowed)}. Vui lòng chọn tệp đúng định dạng.")
            : (type, null);
    }

    /// <summary>"PDF, JPG hoặc PNG".</summary>
    public static string Names(IReadOnlyList<string> types)
    {
        var names = types.Select(t => KnownTypes[t].Display).ToList();
        return names.Count < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + " hoặc " + names[^1];
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static string? Detect(ReadOnlySpan<byte> d) =>
        d.StartsWith("%PDF-"u8) ? "application/pdf"
        : d.StartsWith(Png) ? "image/png"
        : d.StartsWith(Jpeg) ? "image/jpeg"
        : null;
}

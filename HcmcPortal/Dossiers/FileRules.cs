using HcmcPortal.Validation;

namespace HcmcPortal.Dossiers;

/// <summary>A file as it arrives from any upload path (web form, supplement, officer forms, walk-in scans, API).</summary>
public sealed record UploadedFile(string FileName, byte[] Data, int? RequiredDocumentId = null)
{
    /// <summary>The name as shown and stored: reduced to a safe display name the moment the upload exists, whatever its path.</summary>
    public string FileName { get; init; } = TextRules.SafeFileName(FileName);
}

/// <summary>Uploads are checked by their content (magic bytes), never by their name or declared type.</summary>
public static class FileRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFilesPerSlot = 5;
    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>Returns the content type detected from the bytes, or a Vietnamese error.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> data)
    {
        fileName = TextRules.SafeFileName(fileName);
        if (data.Length == 0)
            return (null, $"Tệp «{fileName}» rỗng.");
        if (data.Length > MaxBytes)
            return (null, $"Tệp «{fileName}» vượt quá dung lượng tối đa {MaxBytes / 1024 / 1024} MB.");
        var type = Detect(data);
        return type is null
            ? (null, $"Tệp «{fileName}» không phải PDF, JPG hoặc PNG. Vui lòng chọn tệp đúng định dạng.")
            : (type, null);
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static string? Detect(ReadOnlySpan<byte> d) =>
        d.StartsWith("%PDF-"u8) ? "application/pdf"
        : d.StartsWith(Png) ? "image/png"
        : d.StartsWith(Jpeg) ? "image/jpeg"
        : null;
}

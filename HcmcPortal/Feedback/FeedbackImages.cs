using System.Security.Cryptography;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using SkiaSharp;

namespace HcmcPortal.Feedback;

/// <summary>A photo ready to store: re-encoded without its metadata (no GPS or camera data leaks to the public pages), with a thumbnail.</summary>
public sealed record PreparedPhoto(string FileName, byte[] Data, byte[] Thumbnail, int Width, int Height, string Sha256);

/// <summary>
/// Photos of a report or of its result. Checked by content: the bytes must be a JPEG or PNG (<see cref="FileRules.Detect"/>)
/// that actually decodes; the name and the declared type are never trusted.
/// </summary>
public static class FeedbackImages
{
    public const int MaxPhotos = 5;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Accept = ".jpg,.jpeg,.png,image/jpeg,image/png";
    /// <summary>Longest side kept for the stored photo; the thumbnail's longest side.</summary>
    public const int MaxSide = 1920;
    public const int ThumbnailSide = 320;
    /// <summary>A larger picture is refused before decoding (a small file can claim a huge canvas).</summary>
    private const long MaxPixels = 50_000_000;

    /// <summary>The cheap checks (size, magic bytes) shared by the validator; null when they pass.</summary>
    public static string? Problem(UploadedFile file)
    {
        if (file.Data.Length == 0)
            return UiTexts.Format("Feedback_Result_PhotoEmpty", file.FileName);
        if (file.Data.Length > MaxBytes)
            return UiTexts.Format("Feedback_Photo_TooLarge", file.FileName, MaxBytes / 1024 / 1024);
        return FileRules.Detect(file.Data) is "image/jpeg" or "image/png"
            ? null
            : UiTexts.Format("Feedback_Result_PhotoWrongType", file.FileName);
    }

    /// <summary>Decodes, turns upright, shrinks and re-encodes the photo; a message in the reader's language when it is not a readable image.</summary>
    public static (PreparedPhoto? Photo, string? Error) Prepare(UploadedFile file)
    {
        if (Problem(file) is { } problem)
            return (null, problem);
        var broken = UiTexts.Format("Feedback_Result_PhotoBroken", file.FileName);
        using var codec = SKCodec.Create(new SKMemoryStream(file.Data));
        if (codec is null || (long)codec.Info.Width * codec.Info.Height is <= 0 or > MaxPixels)
            return (null, broken);
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
            return (null, broken);
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var full = Encode(upright, MaxSide, 85);
        var thumbnail = Encode(upright, ThumbnailSide, 75);
        var name = Path.ChangeExtension(file.FileName, ".jpg");
        return (new PreparedPhoto(name, full.Data, thumbnail.Data, full.Width, full.Height, Convert.ToHexString(SHA256.HashData(full.Data))), null);
    }

    private static (byte[] Data, int Width, int Height) Encode(SKBitmap source, int maxSide, int quality)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var resized = scale < 1.0 ? source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        using var image = SKImage.FromBitmap(resized ?? source);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return (data.ToArray(), width, height);
    }

    /// <summary>Phones store the camera's orientation as metadata, which re-encoding drops: the pixels are turned instead.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
            return bitmap.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, bitmap.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}

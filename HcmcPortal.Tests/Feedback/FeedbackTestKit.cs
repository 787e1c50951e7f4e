using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Feedback;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace HcmcPortal.Tests.Feedback;

public static class FeedbackTestKit
{
    public const string Resident = "congdan@demo.hcmc.vn";
    public const string SaiGonOfficer = "motcua.q1@demo.hcmc.vn";
    public const string BenThanhOfficer = "motcua.benthanh@demo.hcmc.vn";

    /// <summary>A point well inside a unit's published boundary (its interior point).</summary>
    public static (double Lat, double Lng) Inside(string unitCode)
    {
        var shape = UnitLocator.ReadBoundaries().Single(b => b.Code == unitCode).Shape;
        var p = shape.InteriorPoint;
        return (p.Y, p.X);
    }

    public static (double Lat, double Lng) InsideSaiGon => Inside(DemoSeeder.SaiGonCode);

    /// <summary>A real photo (a JPEG drawn with SkiaSharp), so that the content check decodes it.</summary>
    public static UploadedFile Photo(string name = "anh.jpg", int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x90, 0xa4, 0xae));
            using var paint = new SKPaint { Color = new SKColor(0xd3, 0x2f, 0x2f) };
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return new UploadedFile(name, data.ToArray());
    }

    public static FeedbackDraft Draft(double? lat = null, double? lng = null, IReadOnlyList<UploadedFile>? photos = null, string? description = "Rác thải tồn đọng trước hẻm 12 nhiều ngày, bốc mùi.")
    {
        var (sLat, sLng) = InsideSaiGon;
        return new FeedbackDraft
        {
            CategoryId = 2, Title = "Rác tồn đọng", Description = description, Latitude = lat ?? sLat, Longitude = lng ?? sLng,
            Address = "Hẻm 12 Lê Lợi", Photos = photos ?? [Photo()], PhotosPublic = true,
        };
    }

    public static async Task<FeedbackResult> SubmitOkAsync(this PortalFactory portal, FeedbackDraft? draft = null)
    {
        var result = await portal.Get<FeedbackService>().SubmitAsync(await portal.ActorAsync(Resident), draft ?? Draft());
        Assert.True(result.Succeeded, result.Message);
        return result;
    }

    public static async Task<FeedbackReport> ReportAsync(this PortalFactory portal, Guid id)
    {
        await using var db = portal.CreateDb();
        return await db.FeedbackReports.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>One step with the report's current version.</summary>
    public static async Task<FeedbackResult> ActAsync(this PortalFactory portal, string email, Guid id, FeedbackAction action,
        string? note = null, int? target = null, bool? satisfied = null, IReadOnlyList<UploadedFile>? photos = null)
    {
        var report = await portal.ReportAsync(id);
        return await portal.Get<FeedbackService>().ActAsync(await portal.ActorAsync(email), new FeedbackCommand(id, report.Version, action)
        {
            Note = note, TargetUnitId = target, Satisfied = satisfied, Photos = photos ?? [],
        });
    }

    public static async Task ActOkAsync(this PortalFactory portal, string email, Guid id, FeedbackAction action,
        string? note = null, int? target = null, bool? satisfied = null, IReadOnlyList<UploadedFile>? photos = null)
    {
        var result = await portal.ActAsync(email, id, action, note, target, satisfied, photos);
        Assert.True(result.Succeeded, $"{action}: {result.Message}");
    }
}

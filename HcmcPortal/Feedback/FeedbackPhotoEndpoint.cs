using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Feedback;

/// <summary>Who may see a report's photo: the one rule for the photo endpoint and the public pages.</summary>
public static class FeedbackPhotoAccess
{
    /// <summary>
    /// Public: the reporter's photos only when they allowed it (and the report was not refused); the unit's evidence once
    /// the answer is published.
    /// </summary>
    public static bool IsPublic(FeedbackPhotoKind kind, bool photosPublic, FeedbackStatus status) =>
        kind == FeedbackPhotoKind.Report ? photosPublic && status != FeedbackStatus.Refused : status == FeedbackStatus.Published;

    /// <summary>Everyone may see public photos; the reporter, the unit in charge, the city's leaders and administrators see all of a report's photos.</summary>
    public static bool CanSee(Actor? actor, FeedbackPhotoKind kind, bool photosPublic, FeedbackStatus status, string reporterUserId, int unitId) =>
        IsPublic(kind, photosPublic, status)
        || (actor is not null && (actor.UserId == reporterUserId || (actor.IsOfficer && actor.UnitId == unitId)
            || actor.SeesWholeCity || actor.IsInRole(Roles.CityLeader)));
}

/// <summary><c>GET /phan-anh/anh/{id}</c> (the stored photo) and <c>?nho=1</c> (its thumbnail).</summary>
public static class FeedbackPhotoEndpoint
{
    public static string Url(Guid photoId, bool thumbnail = false) => $"/phan-anh/anh/{photoId}" + (thumbnail ? "?nho=1" : "");

    public static void MapFeedbackPhotos(this IEndpointRouteBuilder app) =>
        app.MapGet("/phan-anh/anh/{id:guid}", async (Guid id, string? nho, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var photo = await (from p in db.FeedbackPhotos.AsNoTracking()
                               join r in db.FeedbackReports on p.ReportId equals r.Id
                               where p.Id == id
                               select new { p.Kind, p.Thumbnail, r.PhotosPublic, r.Status, r.ReporterUserId, r.UnitId }).FirstOrDefaultAsync(ct);
            // The web pages sign in with the cookie; the app shows the same URL with its bearer token.
            var user = http.User;
            if (user.Identity?.IsAuthenticated != true && await http.AuthenticateAsync(IdentityConstants.BearerScheme) is { Succeeded: true } bearer)
                user = bearer.Principal;
            // A private photo and a missing one get the same answer.
            if (photo is null || !FeedbackPhotoAccess.CanSee(Actor.From(user), photo.Kind, photo.PhotosPublic, photo.Status, photo.ReporterUserId, photo.UnitId))
                return Results.NotFound();
            var data = nho is "1" or "true"
                ? photo.Thumbnail
                : await db.FeedbackPhotoContents.Where(c => c.PhotoId == id).Select(c => c.Data).SingleAsync(ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = FeedbackPhotoAccess.IsPublic(photo.Kind, photo.PhotosPublic, photo.Status) ? "public, max-age=300" : "private, no-store";
            return Results.File(data, "image/jpeg");
        });
}

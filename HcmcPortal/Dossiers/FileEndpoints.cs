using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Privacy;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dossiers;

public static class FileEndpoints
{
    /// <summary>
    /// GET /files/{id}: a dossier's or draft's file, for whoever may see that dossier (or owns the draft).
    /// Anything else is a 404, so a file id reveals nothing. Add ?download=1 to save instead of view.
    /// </summary>
    public static void MapFileEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", async (Guid id, string? download, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, PersonalDataLog accessLog, CancellationToken ct) =>
        {
            if (Actor.From(http.User) is not { } actor)
                return Results.Challenge();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var file = await db.Files.AsNoTracking().Where(f => f.Id == id)
                .Select(f => new { f.FileName, f.ContentType, f.DossierId, f.DraftId }).FirstOrDefaultAsync(ct);
            if (file is null)
                return Results.NotFound();
            if (file.DossierId is Guid dossierId)
            {
                // Files are identity papers: a role that may not see them gets the same answer as a stranger.
                var code = actor.SeesIdentityPapers()
                    ? await db.Dossiers.VisibleTo(actor).Where(d => d.Id == dossierId).Select(d => d.Code).FirstOrDefaultAsync(ct)
                    : null;
                if (code is null)
                    return Results.NotFound();
                await accessLog.SaveAsync(db, actor, PersonalDataScreens.File, [new ViewedDossier(dossierId, code)], file.FileName, ct);
            }
            else if (file.DraftId is not Guid draftId || !await db.Drafts.AnyAsync(d => d.Id == draftId && d.OwnerUserId == actor.UserId, ct))
                return Results.NotFound();
            var data = await db.FileContents.Where(c => c.FileId == id).Select(c => c.Data).SingleAsync(ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(data, file.ContentType, download is "1" or "true" ? file.FileName : null);
        }).RequireAuthorization();
}

using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Forms;

public sealed record TrackingLogRow(string Code, string ProcedureName, string ApplicantName, DateTime? ReceivedAt, DateTime? DueAt, DateTime? FinishedAt, DateTime? ReturnedAt, DossierStatus Status);

/// <summary>Form 06, the tracking log: dossiers of the actor's scope received (or submitted, if not received) in a period.</summary>
public sealed class TrackingLogQuery(IDbContextFactory<AppDbContext> dbFactory, HcmcPortal.Privacy.PersonalDataLog accessLog)
{
    /// <summary>A printed log covers at most about a quarter, so a page stays printable.</summary>
    public const int MaxDays = 92;

    public async Task<IReadOnlyList<TrackingLogRow>> ListAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var fromUtc = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Dossiers.AsNoTracking().VisibleTo(actor)
            .Where(d => (d.ReceivedAt ?? d.SubmittedAt) >= fromUtc && (d.ReceivedAt ?? d.SubmittedAt) < toUtc)
            .OrderBy(d => d.ReceivedAt ?? d.SubmittedAt)
            .Select(d => new { d.Id, Row = new TrackingLogRow(d.Code, d.Procedure!.Name, d.ApplicantName, d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.Status) })
            .ToListAsync(ct);
        // The printed log lists applicants' names: each dossier on it is a view of personal data.
        await accessLog.SaveAsync(db, actor, HcmcPortal.Privacy.PersonalDataScreens.TrackingLog, rows.Select(r => new HcmcPortal.Privacy.ViewedDossier(r.Id, r.Row.Code)), ct: ct);
        return [.. rows.Select(r => r.Row)];
    }
}

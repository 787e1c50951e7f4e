using System.Text.RegularExpressions;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.FeedbackReports;

/// <summary>What the public list can filter on; every filter is optional.</summary>
public sealed record PublicFeedbackFilter(int? UnitId = null, int? CategoryId = null, FeedbackStatus? Status = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A report as the public sees it in the list and on the map: no reporter, text with numbers and e-mails masked.</summary>
public sealed record PublicFeedbackItem(string Code, string Title, string CategoryName, string UnitName, FeedbackStatus Status, DateTime SubmittedAt, double? Lat, double? Lng);

public sealed record PublicFeedbackResults(IReadOnlyList<PublicFeedbackItem> Items, int Total);

/// <summary>A step of the public timeline: what happened, when, and the unit it went to (no names, no notes).</summary>
public sealed record PublicFeedbackStep(FeedbackAction Action, DateTime At, string? ToUnitName);

/// <summary>A report's public page.</summary>
public sealed record PublicFeedbackDetail(
    string Code, string Title, string Description, string CategoryName, string UnitName, string? Address, double? Lat, double? Lng,
    FeedbackStatus Status, DateTime SubmittedAt, DateTime? ResolvedAt, string? Answer,
    IReadOnlyList<Guid> ReportPhotoIds, IReadOnlyList<Guid> EvidencePhotoIds, IReadOnlyList<PublicFeedbackStep> Timeline);

/// <summary>
/// Public transparency (issue 13 item 4): anyone, signed in or not, sees the reports, their timeline and the answer.
/// What the public never sees, decided here once:
/// <list type="bullet">
/// <item>the reporter: anonymous or not, the public pages name no one; the reporter's name is read only to mask it where
/// they typed it themselves;</item>
/// <item>phone numbers, CCCD numbers and e-mail addresses typed in a title, description or answer: masked (<see cref="Mask"/>);</item>
/// <item>the reporter's photos unless they allowed it; evidence photos and the answer before the answer is published;</item>
/// <item>refused reports (refusals are for abusive, out-of-scope or duplicate reports) and the notes of each step.</item>
/// </list>
/// </summary>
public sealed partial class PublicFeedbackService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxMapPoints = 1_000;

    /// <summary>The statuses the public sees (a refused report is not public).</summary>
    public static readonly IReadOnlyList<FeedbackStatus> PublicStatuses =
        [FeedbackStatus.Submitted, FeedbackStatus.Accepted, FeedbackStatus.AwaitingInfo, FeedbackStatus.Resolved, FeedbackStatus.Published];

    public async Task<PublicFeedbackResults> PageAsync(PublicFeedbackFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filtered(db, filter);
        var total = await rows.CountAsync(ct);
        var items = await Project(db, rows.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Code).Skip(skip).Take(Math.Clamp(take, 1, 100))).ToListAsync(ct);
        return new PublicFeedbackResults([.. items.Select(Masked)], total);
    }

    /// <summary>The newest located reports of the filter, for the public map (at most <see cref="MaxMapPoints"/>).</summary>
    public async Task<IReadOnlyList<PublicFeedbackItem>> MapAsync(PublicFeedbackFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await Project(db, Filtered(db, filter).Where(r => r.Latitude != null && r.Longitude != null)
            .OrderByDescending(r => r.SubmittedAt).Take(MaxMapPoints)).ToListAsync(ct);
        return [.. items.Select(Masked)];
    }

    /// <summary>The public page of a report, or null when there is none (unknown code, or refused).</summary>
    public async Task<PublicFeedbackDetail?> DetailAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await (from x in db.FeedbackReports.AsNoTracking()
                       where x.Code == code && x.Status != FeedbackStatus.Refused
                       join u in db.Users on x.ReporterUserId equals u.Id
                       select new
                       {
                           x.Id, x.Code, x.Title, x.Description, Category = x.Category!.Name, Unit = x.Unit!.Name, x.Address, x.Latitude, x.Longitude,
                           x.Status, x.SubmittedAt, x.ResolvedAt, x.Answer, x.PhotosPublic, Reporter = new Reporter(u.FullName, u.Email, u.Cccd, u.PhoneNumber),
                       })
            .FirstOrDefaultAsync(ct);
        if (r is null)
            return null;
        var published = r.Status == FeedbackStatus.Published;
        var photos = await db.FeedbackPhotos.AsNoTracking().Where(p => p.ReportId == r.Id)
            .OrderBy(p => p.UploadedAt).Select(p => new { p.Id, p.Kind }).ToListAsync(ct);
        var steps = await (from e in db.FeedbackEvents.AsNoTracking()
                           where e.ReportId == r.Id && e.Action != FeedbackAction.Remind && e.Action != FeedbackAction.Escalate
                           join u in db.Units on e.ToUnitId equals u.Id into to
                           from u in to.DefaultIfEmpty()
                           orderby e.At, e.Id
                           select new PublicFeedbackStep(e.Action, e.At, e.Action == FeedbackAction.Transfer && u != null ? u.Name : null)).ToListAsync(ct);
        return new PublicFeedbackDetail(r.Code, Mask(r.Title, r.Reporter), Mask(r.Description, r.Reporter), r.Category, r.Unit, r.Address is null ? null : Mask(r.Address, r.Reporter), r.Latitude, r.Longitude,
            r.Status, r.SubmittedAt, published ? r.ResolvedAt : null, published && r.Answer is not null ? Mask(r.Answer, r.Reporter) : null,
            r.PhotosPublic ? [.. photos.Where(p => p.Kind == FeedbackPhotoKind.Report).Select(p => p.Id)] : [],
            published ? [.. photos.Where(p => p.Kind == FeedbackPhotoKind.Evidence).Select(p => p.Id)] : [],
            steps);
    }

    /// <summary>Units and categories for the filters: the commune-level units in force today, and the active categories.</summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Units, IReadOnlyList<(int Id, string Name)> Categories)> ChoicesAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Commune && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var categories = await db.FeedbackCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Order).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return ([.. units.OrderBy(u => u.Name, VietnameseText.Order).Select(u => (u.Id, u.Name))], [.. categories.Select(c => (c.Id, c.Name))]);
    }

    /// <summary>What is known of the reporter, only to mask it in the text they typed.</summary>
    private sealed record Reporter(string? Name, string? Email, string? Cccd, string? Phone);

    /// <summary>A row of the list with its reporter, before masking.</summary>
    private sealed record Row(PublicFeedbackItem Item, Reporter Reporter);

    /// <summary>
    /// The text as the public may read it: phone and CCCD numbers (9 or more digits, with or without spaces, dots or
    /// dashes), e-mail addresses, and the reporter's own name, e-mail, CCCD and phone however they typed them, masked.
    /// </summary>
    private static string Mask(string text, Reporter reporter)
    {
        foreach (var known in new[] { reporter.Name, reporter.Email, reporter.Cccd, reporter.Phone }.Where(k => !string.IsNullOrWhiteSpace(k) && k.Length >= 3))
            text = text.Replace(known!, "***", StringComparison.OrdinalIgnoreCase);
        return Email().Replace(LongNumber().Replace(text, "***"), "***");
    }

    private static PublicFeedbackItem Masked(Row row) => row.Item with { Title = Mask(row.Item.Title, row.Reporter) };

    private static IQueryable<FeedbackReport> Filtered(AppDbContext db, PublicFeedbackFilter f)
    {
        var rows = db.FeedbackReports.AsNoTracking().Where(r => r.Status != FeedbackStatus.Refused);
        if (f.UnitId is int unit)
            rows = rows.Where(r => r.UnitId == unit);
        if (f.CategoryId is int category)
            rows = rows.Where(r => r.CategoryId == category);
        if (f.Status is FeedbackStatus status)
            rows = rows.Where(r => r.Status == status);
        if (f.From is DateOnly from)
        {
            var fromUtc = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            rows = rows.Where(r => r.SubmittedAt >= fromUtc);
        }
        if (f.To is DateOnly to)
        {
            var toUtc = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            rows = rows.Where(r => r.SubmittedAt < toUtc);
        }
        return rows;
    }

    private static IQueryable<Row> Project(AppDbContext db, IQueryable<FeedbackReport> rows) =>
        from r in rows
        join u in db.Users on r.ReporterUserId equals u.Id
        select new Row(new PublicFeedbackItem(r.Code, r.Title, r.Category!.Name, r.Unit!.Name, r.Status, r.SubmittedAt, r.Latitude, r.Longitude),
            new Reporter(u.FullName, u.Email, u.Cccd, u.PhoneNumber));

    [GeneratedRegex(@"\+?\d(?:[\s.\-]?\d){8,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex Email();
}

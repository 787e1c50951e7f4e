using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Citizen;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Feedback;

public sealed record CategoryOption(int Id, string Code, string Name, string NameEn);

public sealed record UnitChoice(int Id, string Code, string Name);

/// <summary>A report in a list: the reporter's "Phản ánh của tôi" or the unit's queue.</summary>
public sealed record FeedbackRow(Guid Id, string Code, string Title, string Category, string UnitName, FeedbackStatus Status,
    DateTime SubmittedAt, DateTime? DueAt, DeadlineState? Deadline, bool Followed);

public sealed record FeedbackPhotoRow(Guid Id, FeedbackPhotoKind Kind, string FileName, int Width, int Height);

public sealed record FeedbackTimelineRow(DateTime At, FeedbackAction Action, string ActorName, FeedbackStatus? From, FeedbackStatus To, string? ToUnitName, string? Note);

/// <summary>A report as its reporter or the unit in charge sees it (the reporter's identity only for the unit).</summary>
public sealed record FeedbackDetail(
    Guid Id, string Code, Guid Version, string Title, string Description, string Category, double? Latitude, double? Longitude, string? Address,
    int UnitId, string UnitName, bool UnitChosenByReporter, bool AnonymousToPublic, bool PhotosPublic, FeedbackStatus Status,
    DateTime SubmittedAt, DateTime AcceptDueAt, DateTime? ResolveDueAt, DateTime? PublishDueAt, DateTime? DueAt, DeadlineState? Deadline,
    DateTime? ResolvedAt, string? InfoRequest, string? Answer, string? RefusalReason, int ReopenCount, int StoppedWorkingDays,
    bool? Satisfied, string? RatingReason, DateTime? RatedAt, string? ReporterName, string? ReporterPhone, string? ReporterEmail,
    IReadOnlyList<FeedbackPhotoRow> Photos, IReadOnlyList<FeedbackTimelineRow> Timeline, bool IsReporter, bool IsOfficer,
    IReadOnlyList<FeedbackAction> Actions, bool CanReopen);

/// <summary>Which reports of the unit the queue shows.</summary>
public enum FeedbackQueue
{
    /// <summary>Everything not finished: to accept, in progress, waiting for the reporter, to publish.</summary>
    Open,
    ToAccept,
    InProgress,
    AwaitingInfo,
    ToPublish,
    DueSoon,
    Overdue,
    Finished,
}

/// <summary>
/// What the reporter's and the unit's pages read. Scope is applied here on the server: the reporter sees their reports
/// (and those they follow), an officer those of their unit — including those transferred to it.
/// </summary>
public sealed class FeedbackQueries(IDbContextFactory<AppDbContext> dbFactory, CalendarProvider calendars, TimeProvider clock)
{
    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FeedbackCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Order)
            .Select(c => new CategoryOption(c.Id, c.Code, c.Name, c.NameEn)).ToListAsync(ct);
    }

    /// <summary>The 168 units today, in Vietnamese order: the resident's choice and the transfer's target.</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().ValidOn(VietnamTime.Today(clock)).Where(u => u.Level == UnitLevel.Commune)
            .Select(u => new UnitChoice(u.Id, u.Code, u.Name)).ToListAsync(ct);
        return [.. units.OrderBy(u => u.Name, VietnameseText.Order)];
    }

    /// <summary>The resident's reports and the ones they follow, newest first.</summary>
    public async Task<PagedList<FeedbackRow>> MineAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var followed = db.FeedbackFollowers.Where(f => f.UserId == actor.UserId).Select(f => f.ReportId);
        var query = db.FeedbackReports.AsNoTracking().Where(r => r.ReporterUserId == actor.UserId || followed.Contains(r.Id));
        return await PageAsync(query.OrderByDescending(r => r.SubmittedAt), actor, page, pageSize, ct);
    }

    /// <summary>The unit's queue, the earliest deadline first.</summary>
    public async Task<PagedList<FeedbackRow>> QueueAsync(Actor actor, FeedbackQueue queue, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        if (!actor.IsOfficer || actor.UnitId is not int unitId)
            return new PagedList<FeedbackRow>([], 0);
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var soon = VietnamTime.ToUtc(calendar.NextWorkingDay(VietnamTime.Today(clock)).ToDateTime(WorkingCalendar.OfficeEnd));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.FeedbackReports.AsNoTracking().Where(r => r.UnitId == unitId);
        query = queue switch
        {
            FeedbackQueue.Open => query.Where(r => r.Status == FeedbackStatus.Submitted || r.Status == FeedbackStatus.Accepted
                || r.Status == FeedbackStatus.AwaitingInfo || r.Status == FeedbackStatus.Resolved),
            FeedbackQueue.ToAccept => query.Where(r => r.Status == FeedbackStatus.Submitted),
            FeedbackQueue.InProgress => query.Where(r => r.Status == FeedbackStatus.Accepted),
            FeedbackQueue.AwaitingInfo => query.Where(r => r.Status == FeedbackStatus.AwaitingInfo),
            FeedbackQueue.ToPublish => query.Where(r => r.Status == FeedbackStatus.Resolved),
            FeedbackQueue.DueSoon => query.Where(r => r.DueAt != null && r.DueAt >= nowUtc && r.DueAt <= soon),
            FeedbackQueue.Overdue => query.Where(r => r.DueAt != null && r.DueAt < nowUtc),
            _ => query.Where(r => r.Status == FeedbackStatus.Published || r.Status == FeedbackStatus.Refused),
        };
        if (search?.Trim() is { Length: > 0 } term)
            query = query.Where(r => r.Code.Contains(term.ToUpperInvariant()) || r.Title.Contains(term));
        var ordered = queue == FeedbackQueue.Finished ? query.OrderByDescending(r => r.SubmittedAt) : query.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt);
        return await PageAsync(ordered, actor, page, pageSize, ct);
    }

    /// <summary>How many reports wait in each of the unit's queues (the tabs' counts).</summary>
    public async Task<IReadOnlyDictionary<FeedbackQueue, int>> QueueCountsAsync(Actor actor, CancellationToken ct = default)
    {
        var counts = new Dictionary<FeedbackQueue, int>();
        if (!actor.IsOfficer || actor.UnitId is not int unitId)
            return counts;
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var soon = VietnamTime.ToUtc(calendar.NextWorkingDay(VietnamTime.Today(clock)).ToDateTime(WorkingCalendar.OfficeEnd));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.FeedbackReports.AsNoTracking().Where(r => r.UnitId == unitId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Of(FeedbackStatus s) => byStatus.GetValueOrDefault(s);
        counts[FeedbackQueue.ToAccept] = Of(FeedbackStatus.Submitted);
        counts[FeedbackQueue.InProgress] = Of(FeedbackStatus.Accepted);
        counts[FeedbackQueue.AwaitingInfo] = Of(FeedbackStatus.AwaitingInfo);
        counts[FeedbackQueue.ToPublish] = Of(FeedbackStatus.Resolved);
        counts[FeedbackQueue.Open] = counts[FeedbackQueue.ToAccept] + counts[FeedbackQueue.InProgress] + counts[FeedbackQueue.AwaitingInfo] + counts[FeedbackQueue.ToPublish];
        counts[FeedbackQueue.Finished] = Of(FeedbackStatus.Published) + Of(FeedbackStatus.Refused);
        counts[FeedbackQueue.DueSoon] = await db.FeedbackReports.CountAsync(r => r.UnitId == unitId && r.DueAt != null && r.DueAt >= nowUtc && r.DueAt <= soon, ct);
        counts[FeedbackQueue.Overdue] = await db.FeedbackReports.CountAsync(r => r.UnitId == unitId && r.DueAt != null && r.DueAt < nowUtc, ct);
        return counts;
    }

    /// <summary>A report for its reporter or an officer of its unit; null for anyone else (or no such code).</summary>
    public async Task<FeedbackDetail?> DetailAsync(Actor actor, string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.FeedbackReports.AsNoTracking().Include(x => x.Category).Include(x => x.Unit)
            .FirstOrDefaultAsync(x => x.Code == code.Trim().ToUpperInvariant(), ct);
        if (r is null)
            return null;
        var isReporter = r.ReporterUserId == actor.UserId;
        var isOfficer = actor.IsOfficer && actor.UnitId == r.UnitId;
        if (!isReporter && !isOfficer)
            return null;
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var reporter = isOfficer
            ? await db.Users.AsNoTracking().Where(u => u.Id == r.ReporterUserId).Select(u => new { u.FullName, u.PhoneNumber, u.Email }).FirstOrDefaultAsync(ct)
            : null;
        var photos = await db.FeedbackPhotos.AsNoTracking().Where(p => p.ReportId == r.Id).OrderBy(p => p.Kind).ThenBy(p => p.UploadedAt)
            .Select(p => new FeedbackPhotoRow(p.Id, p.Kind, p.FileName, p.Width, p.Height)).ToListAsync(ct);
        var timeline = await (from e in db.FeedbackEvents.AsNoTracking()
                              where e.ReportId == r.Id && e.Action != FeedbackAction.Remind && e.Action != FeedbackAction.Escalate
                              join u in db.Units on e.ToUnitId equals u.Id into units
                              from u in units.DefaultIfEmpty()
                              orderby e.At, e.Id
                              select new FeedbackTimelineRow(e.At, e.Action, e.ActorName, e.FromStatus, e.ToStatus,
                                  e.Action == FeedbackAction.Transfer || e.Action == FeedbackAction.Submit ? u.Name : null, e.Note)).ToListAsync(ct);
        var actions = isOfficer ? FeedbackWorkflow.OfficerActions(r.Status).ToList() : [];
        if (isReporter)
            actions.AddRange(Enum.GetValues<FeedbackAction>().Where(a => FeedbackWorkflow.IsReporterAction(a) && FeedbackWorkflow.CanApply(r.Status, a)));
        var canReopen = isReporter && FeedbackWorkflow.CanApply(r.Status, FeedbackAction.Reopen) && r.ResolvedAt is DateTime resolved && FeedbackDeadlines.CanReopen(resolved, nowUtc);
        if (!canReopen)
            actions.Remove(FeedbackAction.Reopen);
        if (r.RatedAt is DateTime rated && r.ResolvedAt is DateTime answered && rated >= answered)
            actions.Remove(FeedbackAction.Rate);
        return new FeedbackDetail(r.Id, r.Code, r.Version, r.Title, r.Description, r.Category!.Name, r.Latitude, r.Longitude, r.Address,
            r.UnitId, r.Unit!.Name, r.UnitChosenByReporter, r.AnonymousToPublic, r.PhotosPublic, r.Status,
            r.SubmittedAt, r.AcceptDueAt, r.ResolveDueAt, r.PublishDueAt, r.DueAt,
            FeedbackDeadlines.StateOf(r.DueAt is { } due ? VietnamTime.ToLocal(due) : null, VietnamTime.ToLocal(nowUtc), calendar),
            r.ResolvedAt, r.InfoRequest, r.Answer, r.RefusalReason, r.ReopenCount, r.StoppedWorkingDays,
            r.Satisfied, r.RatingReason, r.RatedAt, reporter?.FullName, reporter?.PhoneNumber, reporter?.Email,
            photos, timeline, isReporter, isOfficer, actions, canReopen);
    }

    /// <summary>A report's id by its tracking code (not scoped: only to follow it or open its public page).</summary>
    public async Task<Guid?> IdOfAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FeedbackReports.Where(r => r.Code == code.Trim().ToUpperInvariant()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<PagedList<FeedbackRow>> PageAsync(IQueryable<FeedbackReport> query, Actor actor, int page, int pageSize, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var nowLocal = VietnamTime.Now(clock);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.Code, r.Title, Category = r.Category!.Name, Unit = r.Unit!.Name, r.Status, r.SubmittedAt, r.DueAt, Mine = r.ReporterUserId == actor.UserId })
            .ToListAsync(ct);
        return new PagedList<FeedbackRow>([.. rows.Select(r => new FeedbackRow(r.Id, r.Code, r.Title, r.Category, r.Unit, r.Status, r.SubmittedAt, r.DueAt,
            FeedbackDeadlines.StateOf(r.DueAt is { } due ? VietnamTime.ToLocal(due) : null, nowLocal, calendar), !r.Mine))], total);
    }
}

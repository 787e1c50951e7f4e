using System.Globalization;
using System.Security.Cryptography;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Operations;
using HcmcPortal.Units;
using HcmcPortal.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Feedback;

/// <summary>
/// The one code path that changes a report of the 1022 channel, for the web pages and the API alike: who may do what
/// (the reporter, or an officer of the unit in charge), the state machine, the working-day clock, photos, the timeline
/// (audit), notifications and optimistic concurrency. Reading for pages is <see cref="FeedbackQueries"/>.
/// </summary>
public sealed class FeedbackService(
    IDbContextFactory<AppDbContext> dbFactory,
    CalendarProvider calendars,
    UnitLocator locator,
    FeedbackNotifier notifier,
    TimeProvider clock,
    PortalRateLimiter limiter,
    IOptionsMonitor<RateLimitOptions> limits,
    IValidator<FeedbackDraft> draftValidator,
    IValidator<FeedbackCommand> commandValidator)
{
    /// <summary>A report of the same kind this close (metres) and this recent is shown as a possible duplicate.</summary>
    public const double DuplicateRadiusMetres = 150;
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(30);

    public static string OutsideCityMessage => UiTexts.Get("Feedback_Result_OutsideCity");

    /// <summary>A resident's new report: checked, routed to its unit (by the point, or the unit chosen), given a tracking code.</summary>
    public async Task<FeedbackResult> SubmitAsync(Actor actor, FeedbackDraft draft, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Citizen))
            return new FeedbackResult(CommandStatus.Forbidden, UiTexts.Get("Feedback_Result_SubmitSignedIn"));
        var checkedDraft = await draftValidator.ValidateAsync(draft, ct);
        if (!checkedDraft.IsValid)
            return FeedbackResult.Fields(checkedDraft.FirstErrors());

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (!await db.FeedbackCategories.AnyAsync(c => c.Id == draft.CategoryId && c.IsActive, ct))
            return FeedbackResult.Field(nameof(FeedbackDraft.CategoryId), UiTexts.Get("Feedback_Result_NoCategory"));
        var (unitId, chosen, unitError) = await UnitInChargeAsync(db, draft, ct);
        if (unitError is not null)
            return FeedbackResult.Field(draft.Latitude.HasValue && !draft.UnitId.HasValue ? nameof(FeedbackDraft.Latitude) : nameof(FeedbackDraft.UnitId), unitError);
        var (photos, photoError) = PreparePhotos(draft.Photos);
        if (photoError is not null)
            return FeedbackResult.Field(nameof(FeedbackDraft.Photos), photoError);

        // Each account has a budget of new reports, whether from the page or the API (RateLimits:Feedback).
        using (var lease = limiter.Acquire(RatePolicy.Feedback, client: null, account: actor.UserId))
        {
            if (!lease.IsAcquired)
                return new FeedbackResult(CommandStatus.Limited, PortalRateLimiter.Message(PortalRateLimiter.RetryAfter(lease, RatePolicy.Feedback, limits.CurrentValue)));
        }

        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var acceptDue = VietnamTime.ToUtc(FeedbackDeadlines.AcceptDue(VietnamTime.ToLocal(nowUtc), calendar));
        var report = new FeedbackReport
        {
            Id = Guid.NewGuid(),
            Code = NewCode(nowUtc),
            CategoryId = draft.CategoryId!.Value,
            Title = TextRules.Normalize(draft.Title)!,
            Description = TextRules.Normalize(draft.Description)!,
            Latitude = draft.Latitude is { } lat ? Math.Round(lat, 6) : null,
            Longitude = draft.Longitude is { } lng ? Math.Round(lng, 6) : null,
            Address = TextRules.NormalizeOptional(draft.Address),
            UnitId = unitId,
            UnitChosenByReporter = chosen,
            ReporterUserId = actor.UserId,
            AnonymousToPublic = draft.AnonymousToPublic,
            PhotosPublic = draft.PhotosPublic,
            Status = FeedbackStatus.Submitted,
            SubmittedAt = nowUtc,
            ArrivedAt = nowUtc,
            AcceptDueAt = acceptDue,
            DueAt = acceptDue,
        };
        db.FeedbackReports.Add(report);
        AddPhotos(db, report.Id, photos, FeedbackPhotoKind.Report, actor.UserId, nowUtc);
        AddEvent(db, report, actor, FeedbackAction.Submit, null, null, unitId, null, nowUtc);
        notifier.Tell(db, actor.UserId, report, "Đã nhận phản ánh",
            $"Phản ánh {report.Code} «{report.Title}» đã được gửi tới đơn vị phụ trách. Hạn tiếp nhận: {VietnamTime.FormatDateTime(acceptDue)}.");
        await notifier.TellUnitAsync(db, unitId, report, "Phản ánh mới", $"Phản ánh mới {report.Code}: «{report.Title}».", ct);
        await db.SaveChangesAsync(ct);
        return new FeedbackResult(CommandStatus.Ok) { ReportId = report.Id, Code = report.Code, Version = report.Version };
    }

    /// <summary>The unit holding a point, for the page to show as soon as the resident picks it; null outside the city.</summary>
    public Task<LocatedUnit?> LocateAsync(double latitude, double longitude, CancellationToken ct = default) =>
        locator.LocateAsync(latitude, longitude, ct);

    /// <summary>
    /// Open or recent reports of the same kind near the point: shown before sending, so that the resident can follow one
    /// instead of sending it again. Public fields only.
    /// </summary>
    public async Task<IReadOnlyList<NearbyReport>> NearbyAsync(int categoryId, double latitude, double longitude, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - DuplicateWindow;
        var dLat = DuplicateRadiusMetres / 111_320.0;
        var dLng = dLat / Math.Cos(latitude * Math.PI / 180);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.FeedbackReports.AsNoTracking()
            .Where(r => r.CategoryId == categoryId && r.Latitude >= latitude - dLat && r.Latitude <= latitude + dLat
                && r.Longitude >= longitude - dLng && r.Longitude <= longitude + dLng
                && r.Status != FeedbackStatus.Refused && r.SubmittedAt >= since)
            .Select(r => new { r.Id, r.Code, r.Title, r.Status, r.SubmittedAt, r.Latitude, r.Longitude })
            .Take(50).ToListAsync(ct);
        return [.. rows.Select(r => new NearbyReport(r.Id, r.Code, r.Title, r.Status, r.SubmittedAt, Metres(latitude, longitude, r.Latitude!.Value, r.Longitude!.Value)))
            .Where(r => r.DistanceMetres <= DuplicateRadiusMetres).OrderBy(r => r.DistanceMetres).Take(5)];
    }

    /// <summary>A resident follows someone else's report instead of sending the same one: told of each step like its reporter.</summary>
    public async Task<FeedbackResult> FollowAsync(Actor actor, Guid reportId, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Citizen))
            return new FeedbackResult(CommandStatus.Forbidden, UiTexts.Get("Feedback_Result_FollowSignedIn"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.FeedbackReports.AsNoTracking().Where(r => r.Id == reportId && r.Status != FeedbackStatus.Refused)
            .Select(r => new { r.Id, r.Code, r.ReporterUserId }).FirstOrDefaultAsync(ct);
        if (report is null)
            return FeedbackResult.NotFound();
        if (report.ReporterUserId != actor.UserId && !await db.FeedbackFollowers.AnyAsync(f => f.ReportId == reportId && f.UserId == actor.UserId, ct))
        {
            db.FeedbackFollowers.Add(new FeedbackFollower { ReportId = reportId, UserId = actor.UserId, At = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Followed twice at the same moment (two tabs): the first row stands.
            }
        }
        return new FeedbackResult(CommandStatus.Ok) { ReportId = report.Id, Code = report.Code };
    }

    /// <summary>One step on a report, by an officer of the unit in charge or by its reporter (see <see cref="FeedbackWorkflow"/>).</summary>
    public async Task<FeedbackResult> ActAsync(Actor actor, FeedbackCommand cmd, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var report = await db.FeedbackReports.FirstOrDefaultAsync(r => r.Id == cmd.ReportId, ct);
        var isOfficer = report is not null && actor.IsOfficer && actor.UnitId == report.UnitId;
        var isReporter = report is not null && report.ReporterUserId == actor.UserId;
        // Someone else's report and a report that does not exist get the same answer.
        if (report is null || !(isOfficer || isReporter))
            return FeedbackResult.NotFound();
        if (FeedbackWorkflow.IsOfficerAction(cmd.Action) ? !isOfficer : !(FeedbackWorkflow.IsReporterAction(cmd.Action) && isReporter))
            return new FeedbackResult(CommandStatus.Forbidden, FeedbackWorkflow.IsOfficerAction(cmd.Action)
                ? UiTexts.Get("Feedback_Result_OfficersOnly")
                : UiTexts.Get("Feedback_Result_ReporterOnly"));
        if (report.Version != cmd.ExpectedVersion)
            return await ConflictAsync(db, report.Id, ct);
        var checkedCommand = await commandValidator.ValidateAsync(cmd, ct);
        if (!checkedCommand.IsValid)
            return FeedbackResult.Fields(checkedCommand.FirstErrors());
        if (!FeedbackWorkflow.CanApply(report.Status, cmd.Action))
            return FeedbackResult.Invalid(NotNowMessage(cmd.Action, report.Status));

        var note = TextRules.NormalizeOptional(cmd.Note);
        if (note is null && NeedsNote(cmd.Action, cmd.Satisfied))
            return FeedbackResult.Field(nameof(FeedbackCommand.Note), NoteMessage(cmd.Action));
        var (photos, photoError) = PreparePhotos(cmd.Photos);
        if (photoError is not null)
            return FeedbackResult.Field(nameof(FeedbackCommand.Photos), photoError);

        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        var from = report.Status;
        var fromUnit = report.UnitId;
        int? toUnit = null;
        var photoKind = FeedbackPhotoKind.Report;
        switch (cmd.Action)
        {
            case FeedbackAction.Accept:
                report.AcceptedAt = nowUtc;
                report.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResolveDue(nowLocal, calendar));
                break;
            case FeedbackAction.Transfer:
                if (cmd.TargetUnitId is not int target)
                    return FeedbackResult.Field(nameof(FeedbackCommand.TargetUnitId), UiTexts.Get("Feedback_Result_TargetUnitRequired"));
                if (target == report.UnitId)
                    return FeedbackResult.Field(nameof(FeedbackCommand.TargetUnitId), UiTexts.Get("Feedback_Result_TargetUnitSame"));
                if (!await db.Units.ValidOn(VietnamTime.Today(clock)).AnyAsync(u => u.Id == target, ct))
                    return FeedbackResult.Field(nameof(FeedbackCommand.TargetUnitId), UiTexts.Get("Feedback_Result_TargetUnitGone"));
                report.UnitId = target;
                report.ArrivedAt = nowUtc;
                report.AcceptDueAt = VietnamTime.ToUtc(FeedbackDeadlines.AcceptDue(nowLocal, calendar));
                report.TransferCount++;
                toUnit = target;
                break;
            case FeedbackAction.Refuse:
                report.RefusedAt = nowUtc;
                report.RefusalReason = note;
                break;
            case FeedbackAction.RequestInfo:
                report.ClockStoppedAt = nowUtc;
                report.InfoRequest = note;
                break;
            case FeedbackAction.ProvideInfo:
                if (report.ClockStoppedAt is DateTime asked && report.ResolveDueAt is DateTime due)
                {
                    var askedLocal = VietnamTime.ToLocal(asked);
                    report.StoppedWorkingDays += FeedbackDeadlines.StoppedWorkingDays(askedLocal, nowLocal, calendar);
                    report.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResumeAfterInfo(VietnamTime.ToLocal(due), askedLocal, nowLocal, calendar));
                }
                report.ClockStoppedAt = null;
                break;
            case FeedbackAction.Resolve:
                // A report is never closed without a photo of the result on the ground.
                if (photos.Count == 0)
                    return FeedbackResult.Field(nameof(FeedbackCommand.Photos), UiTexts.Get("Feedback_Result_EvidenceRequired"));
                photoKind = FeedbackPhotoKind.Evidence;
                report.Answer = note;
                report.ResolvedAt = nowUtc;
                report.ResolvedOnTime = report.ResolveDueAt is DateTime resolveDue
                    && FeedbackDeadlines.IsResolvedOnTime(nowLocal, VietnamTime.ToLocal(resolveDue), report.ReopenCount);
                report.PublishDueAt = VietnamTime.ToUtc(FeedbackDeadlines.PublishDue(nowLocal, calendar));
                break;
            case FeedbackAction.Publish:
                report.PublishedAt = nowUtc;
                break;
            case FeedbackAction.Rate:
                if (cmd.Satisfied is not bool satisfied)
                    return FeedbackResult.Field(nameof(FeedbackCommand.Satisfied), UiTexts.Get("Feedback_Result_RatingRequired"));
                if (report.RatedAt is DateTime rated && report.ResolvedAt is DateTime answered && rated >= answered)
                    return FeedbackResult.Invalid(UiTexts.Get("Feedback_Result_AlreadyRated"));
                report.Satisfied = satisfied;
                report.RatingReason = note;
                report.RatedAt = nowUtc;
                break;
            case FeedbackAction.Reopen:
                if (report.ResolvedAt is not DateTime resolvedAt || !FeedbackDeadlines.CanReopen(resolvedAt, nowUtc))
                    return FeedbackResult.Invalid(UiTexts.Get("Feedback_Result_ReopenTooLate"));
                // It goes back to the unit, and it counts against the unit's on-time rate.
                report.ReopenCount++;
                report.LastReopenedAt = nowUtc;
                report.ResolvedOnTime = false;
                report.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResolveDue(nowLocal, calendar));
                break;
        }
        report.Status = FeedbackWorkflow.Apply(from, cmd.Action);
        report.DueAt = FeedbackDeadlines.RunningDue(report.Status, report.AcceptDueAt, report.ResolveDueAt, report.PublishDueAt);
        AddPhotos(db, report.Id, photos, photoKind, actor.UserId, nowUtc);
        var eventNote = cmd.Action == FeedbackAction.Rate ? RatingNote(cmd.Satisfied!.Value, note) : note;
        AddEvent(db, report, actor, cmd.Action, from, fromUnit, toUnit ?? report.UnitId, eventNote, nowUtc);
        // Touch the row so the version changes even for a step that changes only the timeline.
        db.Entry(report).State = EntityState.Modified;
        await TellAsync(db, report, cmd.Action, eventNote, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, report.Id, ct);
        }
        return new FeedbackResult(CommandStatus.Ok) { ReportId = report.Id, Code = report.Code, Version = report.Version };
    }

    /// <summary>
    /// Reminds the unit of steps due soon and tells the city operator of overdue ones, once per deadline (the report
    /// remembers for which deadline it last did). Run by <see cref="FeedbackReminderWorker"/>; returns how many it sent.
    /// </summary>
    public async Task<(int Reminded, int Escalated)> SendRemindersAsync(CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        // Due soon means due by 17:00 of the next working day (DeadlineCalculator.Classify).
        var soonLimit = VietnamTime.ToUtc(calendar.NextWorkingDay(DateOnly.FromDateTime(nowLocal)).ToDateTime(WorkingCalendar.OfficeEnd));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.FeedbackReports
            .Where(r => r.DueAt != null && r.DueAt <= soonLimit
                && ((r.DueAt < nowUtc && (r.EscalatedForDueAt == null || r.EscalatedForDueAt != r.DueAt))
                    || (r.RemindedForDueAt == null || r.RemindedForDueAt != r.DueAt)))
            .OrderBy(r => r.DueAt).Take(500).ToListAsync(ct);
        var system = new Actor("", "Hệ thống", null, null, null, new HashSet<string>());
        int reminded = 0, escalated = 0;
        foreach (var report in due)
        {
            var dueLocal = VietnamTime.ToLocal(report.DueAt!.Value);
            var state = FeedbackDeadlines.StateOf(dueLocal, nowLocal, calendar);
            if (report.RemindedForDueAt != report.DueAt)
            {
                report.RemindedForDueAt = report.DueAt;
                AddEvent(db, report, system, FeedbackAction.Remind, report.Status, report.UnitId, report.UnitId, $"Hạn {VietnamTime.FormatDateTime(report.DueAt.Value)}", nowUtc);
                await notifier.TellUnitAsync(db, report.UnitId, report, state == DeadlineState.Overdue ? "Phản ánh quá hạn" : "Phản ánh sắp đến hạn",
                    $"Phản ánh {report.Code} «{report.Title}»: hạn {VietnamTime.FormatDateTime(report.DueAt.Value)}.", ct);
                reminded++;
            }
            if (state == DeadlineState.Overdue && report.EscalatedForDueAt != report.DueAt)
            {
                report.EscalatedForDueAt = report.DueAt;
                AddEvent(db, report, system, FeedbackAction.Escalate, report.Status, report.UnitId, report.UnitId, $"Quá hạn {VietnamTime.FormatDateTime(report.DueAt.Value)}", nowUtc);
                await notifier.TellCityOperatorAsync(db, report, "Phản ánh quá hạn",
                    $"Phản ánh {report.Code} «{report.Title}» đã quá hạn {VietnamTime.FormatDateTime(report.DueAt.Value)}.", ct);
                escalated++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or an officer) changed one of these reports meanwhile: the next run looks again.
            return (0, 0);
        }
        return (reminded, escalated);
    }

    private async Task<(int UnitId, bool Chosen, string? Error)> UnitInChargeAsync(AppDbContext db, FeedbackDraft draft, CancellationToken ct)
    {
        if (draft.Latitude is { } lat && draft.Longitude is { } lng)
        {
            var located = await locator.LocateAsync(lat, lng, ct);
            if (located is null)
                return (0, false, OutsideCityMessage);
            // The resident may still name another unit (e.g. the point is on a border); the point only proposes one.
            if (draft.UnitId is not int chosenOverPoint || chosenOverPoint == located.UnitId)
                return (located.UnitId, false, null);
        }
        var today = VietnamTime.Today(clock);
        if (draft.UnitId is int chosen && await db.Units.ValidOn(today).AnyAsync(u => u.Id == chosen && u.Level == UnitLevel.Commune, ct))
            return (chosen, true, null);
        return (0, false, UiTexts.Get("Feedback_Result_UnitGone"));
    }

    private static (List<PreparedPhoto> Photos, string? Error) PreparePhotos(IReadOnlyList<UploadedFile> files)
    {
        var prepared = new List<PreparedPhoto>();
        foreach (var file in files)
        {
            var (photo, error) = FeedbackImages.Prepare(file);
            if (error is not null)
                return ([], error);
            prepared.Add(photo!);
        }
        return (prepared, null);
    }

    private static void AddPhotos(AppDbContext db, Guid reportId, List<PreparedPhoto> photos, FeedbackPhotoKind kind, string userId, DateTime nowUtc)
    {
        foreach (var p in photos)
        {
            var id = Guid.NewGuid();
            db.FeedbackPhotos.Add(new FeedbackPhoto
            {
                Id = id, ReportId = reportId, Kind = kind, FileName = p.FileName, ContentType = "image/jpeg", Size = p.Data.Length,
                Sha256 = p.Sha256, Width = p.Width, Height = p.Height, Thumbnail = p.Thumbnail, UploadedAt = nowUtc, UploadedBy = userId,
                Content = new FeedbackPhotoContent { PhotoId = id, Data = p.Data },
            });
        }
    }

    internal static void AddEvent(AppDbContext db, FeedbackReport report, Actor actor, FeedbackAction action, FeedbackStatus? from,
        int? fromUnit, int? toUnit, string? note, DateTime nowUtc) =>
        db.FeedbackEvents.Add(new FeedbackEvent
        {
            ReportId = report.Id, At = nowUtc, ActorUserId = actor.UserId.Length == 0 ? null : actor.UserId, ActorName = actor.Name,
            ActorUnitId = actor.UnitId, Action = action, FromStatus = from, ToStatus = report.Status, FromUnitId = fromUnit, ToUnitId = toUnit, Note = note,
        });

    /// <summary>The reporter and the followers hear of every step; the new unit hears of a transfer; the unit hears of the reporter's steps.</summary>
    private async Task TellAsync(AppDbContext db, FeedbackReport report, FeedbackAction action, string? note, CancellationToken ct)
    {
        var what = $"Phản ánh {report.Code}: {FeedbackText.ActionName(action)}." + (note is null ? "" : $" {note}");
        if (FeedbackWorkflow.IsOfficerAction(action))
            await notifier.TellReporterAndFollowersAsync(db, report, FeedbackText.StatusName(report.Status), what, ct);
        if (action == FeedbackAction.Transfer || FeedbackWorkflow.IsReporterAction(action))
            await notifier.TellUnitAsync(db, report.UnitId, report, FeedbackText.ActionName(action), what, ct);
    }

    private static string RatingNote(bool satisfied, string? reason) =>
        (satisfied ? "Hài lòng" : "Không hài lòng") + (reason is null ? "" : $": {reason}");

    private static bool NeedsNote(FeedbackAction action, bool? satisfied) => action is FeedbackAction.Transfer or FeedbackAction.Refuse
        or FeedbackAction.RequestInfo or FeedbackAction.ProvideInfo or FeedbackAction.Resolve or FeedbackAction.Reopen
        || (action == FeedbackAction.Rate && satisfied == false);

    private static string NoteMessage(FeedbackAction action) => UiTexts.Get(action switch
    {
        FeedbackAction.Transfer or FeedbackAction.Refuse or FeedbackAction.RequestInfo or FeedbackAction.ProvideInfo
            or FeedbackAction.Resolve or FeedbackAction.Reopen or FeedbackAction.Rate => $"Feedback_Result_Note_{action}",
        _ => "Feedback_Result_Note_Other",
    });

    private static string NotNowMessage(FeedbackAction action, FeedbackStatus status) => action switch
    {
        FeedbackAction.Rate => UiTexts.Get("Feedback_Result_NotNow_Rate"),
        FeedbackAction.Reopen => UiTexts.Get("Feedback_Result_NotNow_Reopen"),
        FeedbackAction.ProvideInfo => UiTexts.Get("Feedback_Result_NotNow_ProvideInfo"),
        FeedbackAction.Resolve when status == FeedbackStatus.Submitted => UiTexts.Get("Feedback_Result_NotNow_ResolveNotAccepted"),
        FeedbackAction.Resolve when status == FeedbackStatus.AwaitingInfo => UiTexts.Get("Feedback_Result_NotNow_ResolveAwaitingInfo"),
        _ => UiTexts.Format("Feedback_Result_NotNow", FeedbackText.Action(action).ToLower(CultureInfo.CurrentCulture), FeedbackText.Status(status)),
    };

    private static async Task<FeedbackResult> ConflictAsync(AppDbContext db, Guid reportId, CancellationToken ct)
    {
        var last = await db.FeedbackEvents.AsNoTracking().Where(e => e.ReportId == reportId).OrderByDescending(e => e.Id)
            .Select(e => new { e.ActorName, e.At }).FirstOrDefaultAsync(ct);
        var who = last is null ? UiTexts.Get("Feedback_Result_SomeoneElse") : UiTexts.Format("Feedback_Result_PersonAt", last.ActorName, VietnamTime.FormatDateTime(last.At));
        return new FeedbackResult(CommandStatus.Conflict, UiTexts.Format("Feedback_Result_Conflict", who));
    }

    /// <summary>PA + the day (yyMMdd, Vietnam time) + 6 random characters without look-alikes (0/O, 1/I): unguessable, read aloud on the phone.</summary>
    internal static string NewCode(DateTime nowUtc)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        Span<char> tail = stackalloc char[6];
        for (var i = 0; i < tail.Length; i++)
            tail[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"PA{VietnamTime.ToLocal(nowUtc):yyMMdd}-{tail}";
    }

    /// <summary>Great-circle distance in metres (haversine).</summary>
    internal static double Metres(double lat1, double lng1, double lat2, double lng2)
    {
        const double R = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>A possible duplicate shown before sending (public fields only).</summary>
public sealed record NearbyReport(Guid Id, string Code, string Title, FeedbackStatus Status, DateTime SubmittedAt, double DistanceMetres);

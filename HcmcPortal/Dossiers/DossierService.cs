using HcmcPortal.Admin.Catalogue;
using System.Security.Cryptography;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Live;
using HcmcPortal.Localization;
using HcmcPortal.Notifications;
using HcmcPortal.Operations;
using HcmcPortal.Validation;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dossiers;

/// <summary>
/// The one code path that changes a dossier, for the web pages and the API alike: scope and role checks,
/// the state machine, deadlines, the append-only audit trail, notifications, and optimistic concurrency.
/// </summary>
public sealed class DossierService(
    IDbContextFactory<AppDbContext> dbFactory,
    CalendarProvider calendars,
    NotificationService notifications,
    TimeProvider clock,
    PortalRateLimiter limiter,
    Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> limits,
    ILogger<DossierService> log,
    IValidator<SubmitRequest> submitValidator,
    IValidator<ActionRequest> actionValidator,
    FileRules fileRules,
    LiveUpdates live)
{
    private const int MaxSubmitAttempts = 5;
    private static readonly System.Globalization.CultureInfo VietnameseNumbers = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public async Task<CommandResult> SubmitAsync(Actor actor, SubmitRequest req, CancellationToken ct = default)
    {
        var walkIn = req.Channel == DossierChannel.InPerson;
        if (walkIn ? !actor.IsInRole(Roles.Reception) : !actor.IsInRole(Roles.Citizen))
            return CommandResult.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;

        var bodyHash = string.IsNullOrEmpty(req.IdempotencyKey) ? null : ContentHash(req);
        if (req.IdempotencyKey is { Length: > 0 } key && await FirstSubmissionAsync(db, actor.UserId, key, bodyHash, ct) is { } existing)
            return existing;
        // Each citizen account has a budget of new submissions, whether from the page or the API (RateLimits:Submission).
        if (!walkIn)
        {
            using var lease = limiter.Acquire(RatePolicy.Submission, client: null, account: actor.UserId);
            if (!lease.IsAcquired)
                return new CommandResult(CommandStatus.Limited, PortalRateLimiter.Message(PortalRateLimiter.RetryAfter(lease, RatePolicy.Submission, limits.CurrentValue)));
        }

        var procedure = await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments.Where(d => !d.Retired))
            .FirstOrDefaultAsync(p => p.Id == req.ProcedureId && p.IsPublished, ct);
        if (procedure is null)
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.ProcedureUnavailable"));
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == req.UnitId, ct);
        if (unit is null)
            return CommandResult.Invalid(Reception.NoUnitMessage) with { RefusedUnit = true };
        if (walkIn && actor.UnitId != unit.Id)
            return CommandResult.Forbidden(UiTexts.Get("Dossier.Result.WalkInOwnUnitOnly"));
        if (await Reception.RefusalAsync(db, unit, procedure.Level, Reception.ParseCodes(procedure.ReceivingUnitCodes), VietnamTime.Today(clock), ct) is { } refusal)
            return CommandResult.Invalid(refusal) with { RefusedUnit = true };
        var problems = (await submitValidator.ValidateAsync(req, ct)).Errors.Select(e => e.ErrorMessage).ToList();
        var provided = req.Files.Select(f => f.RequiredDocumentId).ToHashSet();
        problems.AddRange(procedure.RequiredDocuments.Where(d => d.Mandatory && !provided.Contains(d.Id))
            .Select(d => UiTexts.Format("Dossier.Result.MissingDocument", d.Name)));
        var files = CheckFiles(req.Files, procedure.RequiredDocuments.ToDictionary(d => d.Id, DocumentSlots.Of), problems);
        if (problems.Count > 0)
            return CommandResult.Invalid(string.Join(" ", problems));

        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        var dossier = new Dossier
        {
            Id = Guid.NewGuid(),
            ProcedureId = procedure.Id,
            ProcedureVersion = Math.Max(1, procedure.CurrentVersion),
            UnitId = unit.Id,
            UnitPath = unit.Path,
            ReceivingUnitId = unit.Id,
            ApplicantUserId = walkIn ? null : actor.UserId,
            ApplicantName = TextRules.Normalize(req.ApplicantName)!,
            // Stored as the national forms, however they were typed ("079 203 001 234", "+84 912 345 678").
            ApplicantCccd = PersonRules.StoredCccd(req.ApplicantCccd),
            ApplicantPhone = PersonRules.StoredPhone(req.ApplicantPhone),
            ApplicantEmail = TextRules.NormalizeOptional(req.ApplicantEmail),
            ApplicantAddress = TextRules.NormalizeOptional(req.ApplicantAddress),
            Channel = req.Channel,
            Stage = DossierStage.Submitted,
            Status = DossierStatus.Submitted,
            FormDataJson = req.FormDataJson,
            SubmittedAt = nowUtc,
            FeeVnd = procedure.FeeVnd,
            // An online dossier arrives digital; a paper one counts as digitised when its pages are scanned in.
            IsDigitised = !walkIn || files.Count > 0,
            IdempotencyKey = string.IsNullOrEmpty(req.IdempotencyKey) ? null : req.IdempotencyKey,
            IdempotencyBodyHash = bodyHash,
        };
        db.Dossiers.Add(dossier);
        AddFiles(db, dossier.Id, files, walkIn ? FileKind.Scan : FileKind.Application, actor.UserId, nowUtc);
        AddEvent(db, dossier, actor, walkIn ? "WalkIn" : "Submit", null, null, DossierStage.Submitted, null, nowUtc);
        if (walkIn)
        {
            // Paper dossiers are received at the desk in the same step (Decree 61/2018 art. 17).
            Receive(dossier, procedure.TimeLimit, nowLocal, calendar);
            AddEvent(db, dossier, actor, nameof(DossierAction.Receive), DossierStatus.Submitted, DossierStage.Submitted, DossierStage.Received, null, nowUtc);
            dossier.Stage = DossierStage.Received;
            dossier.Status = DossierStatus.Received;
        }

        // Dossier, files, audit and code counter are saved in one transaction, or not at all. The transaction runs
        // through the execution strategy (SQL Server's retry on transient faults refuses one opened outside it).
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await strategy.ExecuteAsync(async () =>
                {
                    // A new counter row, the notification and its mail are made again on every attempt, with the new code.
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is DossierCodeCounter or Notification or MailOutbox).ToList())
                        entry.State = EntityState.Detached;
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    dossier.Code = await NextCodeAsync(db, unit.AgencyCode, DateOnly.FromDateTime(nowLocal), ct);
                    if (req.DraftId is Guid draftId)
                        await DeleteDraftAsync(db, draftId, actor.UserId, ct);
                    if (dossier.ApplicantUserId is not null)
                        notifications.Add(db, dossier.ApplicantUserId, dossier, "Đã nộp hồ sơ", $"Hồ sơ {dossier.Code} ({procedure.Name}) đã được gửi tới {unit.Name}.");
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                });
                break;
            }
            catch (DbUpdateException ex)
            {
                // The same submission retried in parallel won the race: answer with its dossier.
                if (dossier.IdempotencyKey is { } retried && await FirstSubmissionAsync(db, actor.UserId, retried, bodyHash, ct) is { } first)
                    return first;
                if (attempt == MaxSubmitAttempts - 1)
                {
                    log.LogError(ex, "Dossier could not be saved after {Attempts} attempts", MaxSubmitAttempts);
                    return CommandResult.Invalid(UiTexts.Get("Dossier.Result.Busy"));
                }
                log.LogInformation(ex, "Retrying dossier code allocation (attempt {Attempt})", attempt + 1);
            }
        }
        Publish(dossier, actor);
        return new CommandResult(CommandStatus.Ok, null, dossier.Version, dossier.Code, dossier.Id);
    }

    /// <summary>
    /// The dossier an earlier submission with the same idempotency key created, as its result; null if none. The same
    /// key with another content is refused: a client that reuses a key by mistake must not get someone else's answer.
    /// </summary>
    private static async Task<CommandResult?> FirstSubmissionAsync(AppDbContext db, string userId, string key, string? bodyHash, CancellationToken ct)
    {
        var first = await db.Dossiers.AsNoTracking().Where(d => d.ApplicantUserId == userId && d.IdempotencyKey == key)
            .Select(d => new { d.Id, d.Code, d.Version, d.IdempotencyBodyHash }).FirstOrDefaultAsync(ct);
        if (first is null)
            return null;
        if (first.IdempotencyBodyHash is not null && bodyHash is not null && first.IdempotencyBodyHash != bodyHash)
            return new CommandResult(CommandStatus.KeyReused, UiTexts.Get("Dossier.Result.KeyReused"));
        return new CommandResult(CommandStatus.Ok, null, first.Version, first.Code, first.Id);
    }

    /// <summary>SHA-256 of what a submission asks for (procedure, unit, applicant, answers, files), whichever channel it came from.</summary>
    private static string ContentHash(SubmitRequest req)
    {
        var content = System.Text.Json.JsonSerializer.Serialize(new
        {
            req.ProcedureId, req.UnitId, req.Channel,
            Name = TextRules.Normalize(req.ApplicantName), Cccd = TextRules.Normalize(req.ApplicantCccd),
            Phone = TextRules.NormalizeOptional(req.ApplicantPhone), Email = TextRules.NormalizeOptional(req.ApplicantEmail),
            Address = TextRules.NormalizeOptional(req.ApplicantAddress), req.FormDataJson,
            Files = req.Files.Select(f => new { f.RequiredDocumentId, Sha256 = Convert.ToHexString(SHA256.HashData(f.Data)) }),
        });
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The submitted draft and its uploaded files go in the same transaction as the new dossier (its files are copied into it).</summary>
    private static async Task DeleteDraftAsync(AppDbContext db, Guid draftId, string ownerUserId, CancellationToken ct)
    {
        var owned = db.Drafts.Where(d => d.Id == draftId && d.OwnerUserId == ownerUserId);
        var draftFiles = db.Files.Where(f => f.DraftId == draftId && owned.Any());
        await db.FileContents.Where(c => draftFiles.Any(f => f.Id == c.FileId)).ExecuteDeleteAsync(ct);
        await draftFiles.ExecuteDeleteAsync(ct);
        await owned.ExecuteDeleteAsync(ct);
    }

    /// <summary>Next number in the agency's daily sequence (Decree 61/2018 art. 26): unique and never reused.</summary>
    private static async Task<string> NextCodeAsync(AppDbContext db, string agencyCode, DateOnly day, CancellationToken ct)
    {
        var updated = await db.DossierCodeCounters.Where(c => c.AgencyCode == agencyCode && c.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (updated == 0)
        {
            db.DossierCodeCounters.Add(new DossierCodeCounter { AgencyCode = agencyCode, Day = day, LastNumber = 1 });
            await db.SaveChangesAsync(ct);
            return DossierCode.Format(agencyCode, day, 1);
        }
        var last = await db.DossierCodeCounters.Where(c => c.AgencyCode == agencyCode && c.Day == day).Select(c => c.LastNumber).SingleAsync(ct);
        return DossierCode.Format(agencyCode, day, last);
    }

    public async Task<CommandResult> ApplyAsync(Actor actor, ActionRequest req, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var dossier = await db.Dossiers.VisibleTo(actor).Include(d => d.Procedure).FirstOrDefaultAsync(d => d.Id == req.DossierId, ct);
        if (dossier is null)
            return CommandResult.NotFound();
        if (!DossierWorkflow.RolesFor(req.Action).Any(actor.IsInRole))
            return CommandResult.Forbidden();
        var unitBefore = (dossier.UnitId, dossier.UnitPath);
        // The appraisal belongs to the specialist the leader assigned (Decree 61/2018 art. 19: assignment, then appraisal).
        if (IsAppraisal(req.Action) && !actor.IsInRole(Roles.UnitLeader) && dossier.AssignedOfficerId != actor.UserId)
            return CommandResult.Forbidden(UiTexts.Get("Dossier.Result.AssignedToAnother"));
        if (dossier.Version != req.ExpectedVersion)
            return await ConflictAsync(db, dossier.Id, ct);
        if (!DossierWorkflow.CanApply(dossier.Stage, req.Action))
            return CommandResult.Invalid(UiTexts.Format("Dossier.Result.NotAllowedInStage", DossierNames.Action(req.Action), DossierNames.Stage(dossier.Stage)));
        if (!DossierWorkflow.CanApply(dossier.Stage, req.Action, dossier.FeeVnd))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.NoFee"));

        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        var from = dossier.Stage;
        var fromStatus = dossier.Status;
        var problems = new List<string>();
        var slots = req.Files.Any(f => f.RequiredDocumentId is not null)
            ? await DocumentSlots.FiledUnderAsync(db, dossier.ProcedureId, dossier.ProcedureVersion, ct)
            : null;
        var files = CheckFiles(req.Files, slots, problems);
        problems.AddRange((await actionValidator.ValidateAsync(req, ct)).Errors.Select(e => e.ErrorMessage));
        var note = TextRules.NormalizeOptional(req.Note);
        if (NeedsNote(req.Action) && string.IsNullOrEmpty(note))
            problems.Add(req.Action switch
            {
                DossierAction.RequestSupplement or DossierAction.RequestSupplementInProcessing => UiTexts.Get("Dossier.Result.SupplementListNeeded"),
                DossierAction.Withdraw => UiTexts.Get("Dossier.Result.WithdrawReasonNeeded"),
                _ => UiTexts.Get("Dossier.Result.ReasonNeeded"),
            });
        if (problems.Count > 0)
            return CommandResult.Invalid(string.Join(" ", problems));

        var to = DossierWorkflow.Apply(from, req.Action, dossier.SupplementAtReception);
        int? toUnit = null;
        bool? onTime = null;
        switch (req.Action)
        {
            case DossierAction.Receive:
                Receive(dossier, await ProcedureVersions.TimeLimitAsync(db, dossier, ct), nowLocal, calendar);
                break;
            case DossierAction.RequestSupplement:
            case DossierAction.RequestSupplementInProcessing:
                var inProcessing = req.Action == DossierAction.RequestSupplementInProcessing;
                // Art. 19(4): a supplement during processing is asked within 3 working days of receipt.
                if (inProcessing && dossier.ReceivedAt is DateTime received &&
                    calendar.WorkingDaysBetween(DateOnly.FromDateTime(VietnamTime.ToLocal(received)), DateOnly.FromDateTime(nowLocal)) > 3)
                    return CommandResult.Invalid(UiTexts.Get("Dossier.Result.SupplementTooLate"));
                dossier.SupplementAtReception = !inProcessing;
                dossier.SupplementCount++;
                dossier.SupplementRequestedAt = nowUtc;
                dossier.SupplementRequest = note;
                break;
            case DossierAction.SubmitSupplement:
                if (files.Count == 0)
                    return CommandResult.Invalid(UiTexts.Get("Dossier.Result.SupplementFilesNeeded"));
                if (!dossier.SupplementAtReception)
                {
                    // Art. 19(4): the processing time restarts from zero once the complete dossier arrives.
                    dossier.ClockStartAt = nowUtc;
                    dossier.DueAt = VietnamTime.ToUtc(DeadlineCalculator.RestartAfterSupplement(nowLocal, dossier.Channel, await ProcedureVersions.TimeLimitAsync(db, dossier, ct), calendar));
                }
                dossier.SupplementRequestedAt = null;
                break;
            case DossierAction.Assign:
                if (req.AssigneeId is null || !await IsSpecialistOfAsync(db, req.AssigneeId, dossier.UnitId, ct))
                    return CommandResult.Invalid(UiTexts.Get("Dossier.Result.AssigneeNeeded"));
                dossier.AssignedOfficerId = req.AssigneeId;
                break;
            case DossierAction.ProposeResult:
                dossier.Outcome = DossierOutcome.Granted;
                break;
            case DossierAction.ProposeRejection:
                dossier.Outcome = DossierOutcome.Rejected;
                break;
            case DossierAction.Approve:
                dossier.FinishedAt = nowUtc;
                onTime = dossier.DueAt is null || nowUtc <= dossier.DueAt;
                break;
            case DossierAction.Transfer:
                // A dissolved unit can no longer take a dossier over.
                var target = req.TargetUnitId is int t
                    ? await db.Units.ValidOn(VietnamTime.Today(clock)).Where(u => u.Id == t).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct)
                    : null;
                if (target is null || target.Id == dossier.UnitId)
                    return CommandResult.Invalid(UiTexts.Get("Dossier.Result.TransferTargetNeeded"));
                dossier.UnitId = target.Id;
                dossier.UnitPath = target.Path;
                dossier.AssignedOfficerId = null;
                toUnit = target.Id;
                break;
            case DossierAction.Refuse:
            case DossierAction.Stop:
            case DossierAction.Withdraw:
                dossier.FinishedAt = nowUtc;
                break;
            case DossierAction.Return:
                dossier.ReturnedAt = nowUtc;
                break;
            case DossierAction.ConfirmPayment:
                // What was received is kept on the dossier and told in its history (the validator made sure it is complete).
                var payment = req.Payment!;
                dossier.PaidAmountVnd = payment.AmountVnd;
                dossier.PaymentReceiptNumber = TextRules.Normalize(payment.ReceiptNumber);
                dossier.PaymentChannel = payment.Channel;
                dossier.PaidAt = nowUtc;
                dossier.FeePaidOnline = payment.Channel == PaymentChannel.EPayment;
                var receivedText = $"Đã nhận khoản phí, lệ phí {payment.AmountVnd.ToString("N0", VietnameseNumbers)} đ " +
                    $"({DossierText.PaymentChannelName(payment.Channel)}), biên lai số {dossier.PaymentReceiptNumber}.";
                // The clock resumes: the days spent waiting for the payment are added to the due date.
                var pausedAt = await db.DossierEvents.Where(e => e.DossierId == dossier.Id && e.Action == nameof(DossierAction.RequestPayment))
                    .MaxAsync(e => (DateTime?)e.At, ct);
                if (pausedAt is DateTime paused && dossier.DueAt is DateTime dueBefore)
                {
                    var dueAfter = DeadlineCalculator.ExtendForPause(VietnamTime.ToLocal(dueBefore), VietnamTime.ToLocal(paused), nowLocal, calendar);
                    dossier.DueAt = VietnamTime.ToUtc(dueAfter);
                    receivedText += $" Hẹn trả kết quả: {dueAfter:dd/MM/yyyy HH:mm}.";
                }
                note = string.Join(" ", new[] { note, receivedText }.Where(t => !string.IsNullOrEmpty(t)));
                break;
        }
        var kind = req.Action switch
        {
            DossierAction.SubmitSupplement => FileKind.Supplement,
            DossierAction.ProposeResult or DossierAction.ProposeRejection or DossierAction.Approve => FileKind.Result,
            _ => FileKind.Scan,
        };
        if (kind == FileKind.Result && files.Count > 0)
            dossier.ResultDigitised = true;
        AddFiles(db, dossier.Id, files, kind, actor.UserId, nowUtc);
        dossier.Stage = to;
        dossier.Status = DossierWorkflow.StatusOf(to);
        AddEvent(db, dossier, actor, req.Action.ToString(), fromStatus, from, to, note, nowUtc, toUnit, onTime);
        if (dossier.ApplicantUserId is not null && (dossier.Status != fromStatus || req.Action == DossierAction.Transfer))
            notifications.Add(db, dossier.ApplicantUserId, dossier, DossierText.StatusName(dossier.Status),
                $"Hồ sơ {dossier.Code}: {DossierText.ActionName(req.Action)}." + (string.IsNullOrEmpty(note) ? "" : $" {note}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, dossier.Id, ct);
        }
        Publish(dossier, actor, unitBefore);
        return new CommandResult(CommandStatus.Ok, null, dossier.Version, dossier.Code, dossier.Id);
    }

    /// <summary>
    /// Apology and new date (form 04, Decree 61/2018 art. 19(9)): at least one working day before the due date,
    /// and only once per dossier.
    /// </summary>
    public async Task<CommandResult> ReappointAsync(Actor actor, Guid dossierId, Guid expectedVersion, DateTime newDueLocal, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var dossier = await db.Dossiers.VisibleTo(actor).FirstOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null)
            return CommandResult.NotFound();
        if (!actor.IsOfficer)
            return CommandResult.Forbidden();
        if (dossier.Version != expectedVersion)
            return await ConflictAsync(db, dossier.Id, ct);
        if (TextRules.IsBlank(reason))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.DelayReasonNeeded"));
        if (ActionRequestValidator.NoteProblem(reason) is { } reasonProblem)
            return CommandResult.Invalid(reasonProblem);
        reason = TextRules.Normalize(reason)!;
        if (dossier.DueAt is not DateTime due || DossierWorkflow.IsFinished(dossier.Stage))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.NotInProcessingTime"));
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var dueLocal = VietnamTime.ToLocal(due);
        if (!DeadlineCalculator.CanReappoint(dossier.ReappointmentCount, dueLocal, VietnamTime.ToLocal(nowUtc), calendar))
            return CommandResult.Invalid(dossier.ReappointmentCount > 0
                ? UiTexts.Get("Dossier.Result.AlreadyReappointed")
                : UiTexts.Get("Dossier.Result.ReappointTooLate"));
        if (newDueLocal <= dueLocal || !calendar.IsWorkingDay(DateOnly.FromDateTime(newDueLocal)))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.NewDateInvalid"));
        dossier.ReappointmentCount++;
        dossier.DueAt = VietnamTime.ToUtc(newDueLocal);
        AddEvent(db, dossier, actor, "Reappoint", dossier.Status, dossier.Stage, dossier.Stage,
            $"Xin lỗi và hẹn lại ngày trả kết quả: {newDueLocal:dd/MM/yyyy}. Lý do: {reason.Trim()}", nowUtc);
        if (dossier.ApplicantUserId is not null)
            notifications.Add(db, dossier.ApplicantUserId, dossier, "Thư xin lỗi và hẹn lại",
                $"Hồ sơ {dossier.Code} được hẹn trả lại vào ngày {newDueLocal:dd/MM/yyyy}. Lý do: {reason.Trim()}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, dossier.Id, ct);
        }
        Publish(dossier, actor);
        return new CommandResult(CommandStatus.Ok, null, dossier.Version, dossier.Code, dossier.Id);
    }

    /// <summary>
    /// Records a verification note during appraisal without changing the state (Decree 61/2018 art. 19: every
    /// verification step is recorded for the dossier-control slip). Appends a "Verify" event; the version changes
    /// so that a concurrent action sees the note first.
    /// </summary>
    public async Task<CommandResult> RecordVerificationAsync(Actor actor, Guid dossierId, Guid expectedVersion, string note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var dossier = await db.Dossiers.VisibleTo(actor).FirstOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null)
            return CommandResult.NotFound();
        if (!actor.IsInRole(Roles.UnitLeader) && !(actor.IsInRole(Roles.Specialist) && dossier.AssignedOfficerId == actor.UserId))
            return CommandResult.Forbidden(UiTexts.Get("Dossier.Result.AssignedToAnother"));
        if (dossier.Version != expectedVersion)
            return await ConflictAsync(db, dossier.Id, ct);
        if (TextRules.IsBlank(note))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.VerificationNeeded"));
        if (ActionRequestValidator.NoteProblem(note) is { } noteProblem)
            return CommandResult.Invalid(noteProblem);
        if (DossierWorkflow.IsFinished(dossier.Stage))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.Finished"));
        AddEvent(db, dossier, actor, "Verify", dossier.Status, dossier.Stage, dossier.Stage, TextRules.Normalize(note), clock.GetUtcNow().UtcDateTime);
        // Touch the row so the concurrency token is renewed with the note.
        db.Entry(dossier).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, dossier.Id, ct);
        }
        Publish(dossier, actor);
        return new CommandResult(CommandStatus.Ok, null, dossier.Version, dossier.Code, dossier.Id);
    }

    /// <summary>
    /// After the commit: tells the open screens of this instance and, with Redis, of the others (issue 14). A transfer
    /// is told to the unit the dossier left as well as to the one it went to.
    /// </summary>
    private void Publish(Dossier d, Actor actor, (int UnitId, string UnitPath)? before = null)
    {
        live.Publish(new EntityChange(EntityChange.Dossier, d.Id.ToString(), d.UnitId, d.UnitPath, d.ApplicantUserId, actor.UserId, actor.Name));
        if (before is { } b && b.UnitId != d.UnitId)
            live.Publish(new EntityChange(EntityChange.Dossier, d.Id.ToString(), b.UnitId, b.UnitPath, d.ApplicantUserId, actor.UserId, actor.Name));
    }

    private static bool IsAppraisal(DossierAction a) =>
        a is DossierAction.ProposeResult or DossierAction.ProposeRejection or DossierAction.RequestSupplementInProcessing;

    private static bool NeedsNote(DossierAction a) => a is DossierAction.RequestSupplement or DossierAction.RequestSupplementInProcessing
        or DossierAction.Refuse or DossierAction.ProposeRejection or DossierAction.SendBack or DossierAction.Stop or DossierAction.Withdraw;

    /// <summary>Reception fixes the due date from the stored calendar (and the 15:00 rule for paper, art. 18).</summary>
    /// <remarks>The limit is passed in: a new walk-in dossier has no Procedure navigation loaded.</remarks>
    private static void Receive(Dossier dossier, TimeLimit limit, DateTime nowLocal, WorkingCalendar calendar)
    {
        var start = DeadlineCalculator.EffectiveStart(nowLocal, dossier.Channel, calendar);
        dossier.ReceivedAt = VietnamTime.ToUtc(nowLocal);
        dossier.ClockStartAt = VietnamTime.ToUtc(start);
        dossier.DueAt = dossier.OriginalDueAt = VietnamTime.ToUtc(DeadlineCalculator.ComputeDue(start, limit, calendar));
    }

    private static async Task<bool> IsSpecialistOfAsync(AppDbContext db, string userId, int unitId, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.UnitId == unitId, ct)
        && await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                  where ur.UserId == userId && r.Name == Roles.Specialist select ur).AnyAsync(ct);

    private static async Task<CommandResult> ConflictAsync(AppDbContext db, Guid dossierId, CancellationToken ct)
    {
        var last = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderByDescending(e => e.Id)
            .Select(e => new { e.ActorName, e.ActorUnitName, e.At, e.Action }).FirstOrDefaultAsync(ct);
        return new CommandResult(CommandStatus.Conflict, last is null
            ? UiTexts.Get("Dossier.Result.ConflictBySomeone")
            : UiTexts.Format("Dossier.Result.ConflictBy", last.ActorName, DossierNames.ApplicantRole(last.ActorUnitName) ?? last.ActorUnitName, VietnamTime.FormatDateTime(last.At)));
    }

    private sealed record CheckedFile(UploadedFile File, string ContentType);

    /// <summary>Each file by the portal's rules and, when it answers a document, by that document's accepted types.</summary>
    private List<CheckedFile> CheckFiles(IReadOnlyList<UploadedFile> files, IReadOnlyDictionary<int, DocumentSlot>? slots, List<string> problems)
    {
        var ok = new List<CheckedFile>();
        foreach (var f in files)
        {
            DocumentSlot? document = null;
            if (slots is not null && f.RequiredDocumentId is int slot && !slots.TryGetValue(slot, out document))
            {
                problems.Add(UiTexts.Format("Dossier.Result.FileNotInProcedure", f.FileName));
                continue;
            }
            var (type, error) = fileRules.Check(f.FileName, f.Data, document);
            if (error is not null)
                problems.Add(error);
            else
                ok.Add(new CheckedFile(f, type!));
        }
        foreach (var slot in files.GroupBy(f => f.RequiredDocumentId).Where(g => g.Count() > FileRules.MaxFilesPerSlot))
            problems.Add(UiTexts.Format("Dossier.Result.TooManyFiles", FileRules.MaxFilesPerSlot));
        return ok;
    }

    private static void AddFiles(AppDbContext db, Guid dossierId, List<CheckedFile> files, FileKind kind, string userId, DateTime nowUtc)
    {
        foreach (var f in files)
        {
            var id = Guid.NewGuid();
            db.Files.Add(new StoredFile
            {
                Id = id, DossierId = dossierId, RequiredDocumentId = f.File.RequiredDocumentId, Kind = kind,
                FileName = f.File.FileName, ContentType = f.ContentType, Size = f.File.Data.Length,
                Sha256 = Convert.ToHexString(SHA256.HashData(f.File.Data)), UploadedAt = nowUtc, UploadedBy = userId,
                Content = new FileContent { FileId = id, Data = f.File.Data },
            });
        }
    }

    private static void AddEvent(AppDbContext db, Dossier d, Actor actor, string action, DossierStatus? fromStatus, DossierStage? from, DossierStage to,
        string? note, DateTime nowUtc, int? toUnit = null, bool? onTime = null) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = d.Id, At = nowUtc, ActorUserId = actor.UserId, ActorName = actor.Name,
            ActorUnitId = actor.UnitId, ActorUnitName = actor.UnitName ?? "Người nộp hồ sơ",
            Action = action, FromStatus = fromStatus, ToStatus = DossierWorkflow.StatusOf(to), FromStage = from, ToStage = to,
            ToUnitId = toUnit, Note = note, OnTime = onTime,
        });
}

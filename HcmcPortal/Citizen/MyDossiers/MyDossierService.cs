using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Citizen.MyDossiers;

public enum MyDossierSort
{
    NewestFirst,
    OldestFirst,
    DueSoonest,
}

public sealed record MyDossierQuery(DossierStatus? Status = null, string? Text = null, MyDossierSort Sort = MyDossierSort.NewestFirst, int Page = 0, int PageSize = 10);

public sealed record MyDossierRow(Guid Id, string Code, string ProcedureName, DossierStatus Status, DateTime SubmittedAt, DateTime? DueAt);

/// <summary>One step of the dossier's history as the applicant sees it: the acting unit, never the officer's name.</summary>
public sealed record TimelineEntry(DateTime At, string Action, string ActorUnit, DossierStatus ToStatus, string? Note);

public sealed record DossierFileInfo(Guid Id, string FileName, FileKind Kind, string? DocumentName, long Size);

public sealed record RatingInfo(SatisfactionLevel Level, string? Comment, DateTime At);

public sealed record MyDossierDetail(
    Guid Id, string Code, Guid Version, string ProcedureCode, string ProcedureName, string UnitName, DossierStatus Status, DossierStage Stage,
    DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt, DateTime? OriginalDueAt, DateTime? FinishedAt, DateTime? ReturnedAt,
    int ReappointmentCount, string? SupplementRequest, DossierOutcome Outcome, DeadlineState? Deadline,
    IReadOnlyList<DossierFileInfo> Files, IReadOnlyList<TimelineEntry> Timeline, RatingInfo? Rating,
    int ProcedureId, string FormDataJson, long FeeVnd)
{
    public bool CanWithdraw => DossierWorkflow.CanApply(Stage, DossierAction.Withdraw);
    public bool CanSubmitSupplement => DossierWorkflow.CanApply(Stage, DossierAction.SubmitSupplement);
    public bool HasResult => Status is DossierStatus.ResultReady or DossierStatus.Returned;
    public bool CanRate => HasResult && Rating is null;
    /// <summary>Form 01 exists once the dossier was received.</summary>
    public bool HasReceipt => ReceivedAt is not null;
    /// <summary>Form 04 (apology and new date, Decree 61/2018 art. 19(9)) when the agency re-appointed or finished late.</summary>
    public bool HasApology => ReappointmentCount > 0 || Deadline is DeadlineState.Late or DeadlineState.Overdue;
}

/// <summary>"Hồ sơ của tôi": the person's own dossiers, through the same scope rule as every dossier query.</summary>
/// <summary>A citizen's rating of a finished dossier.</summary>
public sealed record RatingInput(SatisfactionLevel Level, string? Comment);

public sealed class RatingValidator : AbstractValidator<RatingInput>
{
    public RatingValidator()
    {
        RuleFor(x => x.Level).IsInEnum().WithMessage(_ => UiTexts.Get("Validation.Rating.LevelRequired"));
        RuleFor(x => x.Comment).Text("Validation.Label.RatingComment", TextLimits.RatingComment, multiLine: true);
    }
}

public sealed class MyDossierService(IDbContextFactory<AppDbContext> dbFactory, CalendarProvider calendars, TimeProvider clock, IValidator<RatingInput> ratingValidator)
{
    /// <summary>Officers' internal notes (send-back, assignment, proposals) are not the applicant's business; these are.</summary>
    private static readonly HashSet<string> ActionsWithPublicNote =
    [
        nameof(DossierAction.RequestSupplement), nameof(DossierAction.RequestSupplementInProcessing), nameof(DossierAction.Refuse),
        nameof(DossierAction.Stop), nameof(DossierAction.Withdraw), nameof(DossierAction.RequestPayment), nameof(DossierAction.ConfirmPayment), nameof(DossierAction.SubmitSupplement), "Reappoint", "Rate",
    ];

    public async Task<PagedList<MyDossierRow>> ListAsync(Actor actor, MyDossierQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, actor, q);
        var total = await query.CountAsync(ct);
        var rows = await PageQuery(query, q).ToListAsync(ct);
        return new(rows, total);
    }

    /// <summary>The person's own dossiers matching the filter (a query, so tests can translate it for every provider).</summary>
    internal static IQueryable<Dossier> Filtered(AppDbContext db, Actor actor, MyDossierQuery q)
    {
        var query = Own(db, actor);
        if (q.Status is DossierStatus status)
            query = query.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim();
            var folded = VietnameseText.Fold(text);
            query = query.Where(d => d.Code.Contains(text) || d.Procedure!.SearchName.Contains(folded));
        }
        return query;
    }

    internal static IQueryable<MyDossierRow> PageQuery(IQueryable<Dossier> query, MyDossierQuery q)
    {
        query = q.Sort switch
        {
            MyDossierSort.OldestFirst => query.OrderBy(d => d.SubmittedAt),
            MyDossierSort.DueSoonest => query.OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt),
            _ => query.OrderByDescending(d => d.SubmittedAt),
        };
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        return query.Skip(Math.Max(q.Page, 0) * pageSize).Take(pageSize)
            .Select(d => new MyDossierRow(d.Id, d.Code, d.Procedure!.Name, d.Status, d.SubmittedAt, d.DueAt));
    }

    public async Task<MyDossierDetail?> DetailAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await Own(db, actor).Where(d => d.Id == id).Select(d => new
        {
            d.Id, d.Code, d.Version, ProcedureCode = d.Procedure!.Code, ProcedureName = d.Procedure.Name, UnitName = d.Unit!.Name, d.Status, d.Stage,
            d.SubmittedAt, d.ReceivedAt, d.DueAt, d.OriginalDueAt, d.FinishedAt, d.ReturnedAt, d.ReappointmentCount, d.SupplementRequest, d.Outcome,
            d.ProcedureId, d.FormDataJson, d.FeeVnd,
        }).FirstOrDefaultAsync(ct);
        if (d is null)
            return null;
        var files = await (from f in db.Files.AsNoTracking()
                           where f.DossierId == id
                           join r in db.RequiredDocuments on f.RequiredDocumentId equals r.Id into docs
                           from r in docs.DefaultIfEmpty()
                           orderby f.UploadedAt
                           select new DossierFileInfo(f.Id, f.FileName, f.Kind, r == null ? null : r.Name, f.Size)).ToListAsync(ct);
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.ActorUnitName, e.ToStatus, e.Note }).ToListAsync(ct);
        var rating = await db.Ratings.AsNoTracking().Where(r => r.DossierId == id)
            .Select(r => new RatingInfo(r.Level, r.Comment, r.At)).FirstOrDefaultAsync(ct);

        DeadlineState? deadline = null;
        if (d.DueAt is DateTime due)
        {
            var calendar = await calendars.GetAsync(ct);
            deadline = DeadlineCalculator.Classify(VietnamTime.ToLocal(due), d.FinishedAt is DateTime f ? VietnamTime.ToLocal(f) : null,
                VietnamTime.Now(clock), calendar);
        }
        var timeline = events.Select(e => new TimelineEntry(e.At, ActionText(e.Action), e.ActorUnitName, e.ToStatus,
            ActionsWithPublicNote.Contains(e.Action) ? e.Note : null)).ToList();
        return new MyDossierDetail(d.Id, d.Code, d.Version, d.ProcedureCode, d.ProcedureName, d.UnitName, d.Status, d.Stage, d.SubmittedAt, d.ReceivedAt,
            d.DueAt, d.OriginalDueAt, d.FinishedAt, d.ReturnedAt, d.ReappointmentCount, d.SupplementRequest, d.Outcome, deadline, files, timeline, rating,
            d.ProcedureId, d.FormDataJson, d.FeeVnd);
    }

    /// <summary>
    /// Rates a finished dossier once (status 9 or 10; feeds the satisfaction indices, Decision 766/QĐ-TTg), only by its applicant,
    /// with an audit event. A second rating, even a concurrent one, is refused by the one-rating-per-dossier key.
    /// </summary>
    public async Task<CommandResult> RateAsync(Actor actor, Guid dossierId, SatisfactionLevel level, string? comment, CancellationToken ct = default)
    {
        var rating = await ratingValidator.ValidateAsync(new RatingInput(level, comment), ct);
        if (!rating.IsValid)
            return CommandResult.Invalid(rating.Errors[0].ErrorMessage);
        comment = TextRules.NormalizeOptional(comment);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var dossier = await Own(db, actor).Where(d => d.Id == dossierId).Select(d => new { d.Id, d.Status, d.Stage }).FirstOrDefaultAsync(ct);
        if (dossier is null)
            return CommandResult.NotFound();
        if (dossier.Status is not (DossierStatus.ResultReady or DossierStatus.Returned))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.RateOnlyWithResult"));
        if (await db.Ratings.AnyAsync(r => r.DossierId == dossierId, ct))
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.AlreadyRated"));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Ratings.Add(new Rating { DossierId = dossierId, Level = level, Comment = comment, At = now });
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossierId, At = now, ActorUserId = actor.UserId, ActorName = actor.Name, ActorUnitName = "Người nộp hồ sơ",
            Action = "Rate", FromStatus = dossier.Status, ToStatus = dossier.Status, FromStage = dossier.Stage, ToStage = dossier.Stage,
            Note = $"Đánh giá: {LevelName(level)}." + (comment is null ? "" : $" {comment}"),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CommandResult.Invalid(UiTexts.Get("Dossier.Result.AlreadyRated"));
        }
        return new CommandResult(CommandStatus.Ok, null, null, null, dossierId);
    }

    public static string LevelName(SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.Satisfied => "Hài lòng",
        SatisfactionLevel.Normal => "Bình thường",
        _ => "Không hài lòng",
    };

    /// <summary>Only the person's own dossiers: scope through VisibleTo, and the applicant match so an officer account sees none here.</summary>
    private static IQueryable<Dossier> Own(AppDbContext db, Actor actor) =>
        db.Dossiers.AsNoTracking().VisibleTo(actor).Where(d => d.ApplicantUserId == actor.UserId);

    /// <summary>The citizen's wording of an event: the workflow action's name, or one of the events outside the state machine.</summary>
    private static string ActionText(string action) =>
        Enum.TryParse<DossierAction>(action, out var a) && Enum.IsDefined(a) ? DossierNames.Action(a) : DossierNames.Text($"Citizen.Event.{action}") ?? action;
}

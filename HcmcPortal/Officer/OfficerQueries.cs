using HcmcPortal.Accounts;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Privacy;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Officer;

/// <summary>The fixed part of a list: which queue it is.</summary>
public enum OfficerQueue
{
    /// <summary>Every dossier of the unit (with the user's filters).</summary>
    Unit = 0,
    /// <summary>New online dossiers waiting at the one-stop desk, oldest first.</summary>
    Reception = 1,
    /// <summary>Results ready to hand back to the applicant.</summary>
    AwaitingReturn = 2,
    /// <summary>Received or sent-back dossiers waiting for the unit leader to assign a specialist.</summary>
    Assignment = 3,
    /// <summary>Proposals waiting for the unit leader's approval.</summary>
    Approval = 4,
    /// <summary>Unfinished dossiers assigned to the signed-in specialist.</summary>
    MyTasks = 5,
}

/// <summary>The due-state filter of the unit list.</summary>
public enum DueFilter
{
    Any = 0,
    DueSoon = 1,
    Overdue = 2,
    FinishedLate = 3,
}

/// <summary>What the user typed into the list's filters; dates are Vietnam-local calendar days.</summary>
public sealed record DossierFilter
{
    public DossierStatus? Status { get; init; }
    public int? ProcedureId { get; init; }
    public DateOnly? SubmittedFrom { get; init; }
    public DateOnly? SubmittedTo { get; init; }
    public DueFilter Due { get; init; }
    public string? Search { get; init; }
}

public sealed record DossierRow(
    Guid Id, string Code, string ProcedureName, string ApplicantName, DossierChannel Channel, DossierStage Stage, DossierStatus Status,
    DateTime SubmittedAt, DateTime? DueAt, DateTime? FinishedAt, string? AssignedOfficerName, DeadlineState? Deadline);

public sealed record DossierPage(IReadOnlyList<DossierRow> Rows, int Total);

public sealed record StatusCount(DossierStatus Status, int Count);

public sealed record DashboardCounts(IReadOnlyList<StatusCount> ByStatus, int DueSoon, int Overdue, int Reception, int AwaitingReturn, int Assignment, int Approval, int MyTasks);

public sealed record Option(int Id, string Name);

public sealed record OfficerOption(string Id, string Name);

public sealed record RequiredDocumentOption(int Id, string Name, bool Mandatory, string AcceptedTypes = "");

public sealed record FileInfoRow(Guid Id, string FileName, string ContentType, long Size, FileKind Kind, string? RequiredDocumentName, DateTime UploadedAt);

public sealed record TimelineEntry(long Id, DateTime At, string Action, string ActorName, string ActorUnitName, DossierStatus? FromStatus, DossierStatus ToStatus,
    DossierStage? FromStage, DossierStage ToStage, string? ToUnitName, string? Note, bool? OnTime);

/// <summary>Everything the dossier workspace shows, loaded in a handful of projections.</summary>
public sealed record DossierDetail(
    Guid Id, string Code, Guid Version, int ProcedureId, string ProcedureCode, string ProcedureName, TimeLimit TimeLimit,
    int UnitId, string UnitName, string ReceivingUnitName, string AgencyCode,
    string ApplicantName, string ApplicantCccd, string? ApplicantPhone, string? ApplicantEmail, string? ApplicantAddress, bool HasApplicantAccount,
    DossierChannel Channel, DossierStage Stage, DossierStatus Status, DossierOutcome Outcome, string FormDataJson,
    DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? ClockStartAt, DateTime? DueAt, DateTime? OriginalDueAt, int ReappointmentCount,
    DateTime? FinishedAt, DateTime? ReturnedAt, string? AssignedOfficerId, string? AssignedOfficerName,
    int SupplementCount, string? SupplementRequest, bool SupplementAtReception, long FeeVnd,
    IReadOnlyList<string> RequiredDocuments, IReadOnlyList<StepPlan> Steps, IReadOnlyList<FileInfoRow> Files, IReadOnlyList<TimelineEntry> Timeline,
    DeadlineState? Deadline, bool CanReappoint, bool ApologyDue, ReceivedPayment? Payment, int ProcedureVersion = 1);

/// <summary>The fee the desk recorded as received.</summary>
public sealed record ReceivedPayment(long AmountVnd, string? ReceiptNumber, PaymentChannel Channel, DateTime At);

/// <summary>
/// Read side of the officer screens. Every dossier query starts from <see cref="ActorQueries.VisibleTo"/>, so an
/// officer never lists or opens a dossier outside their unit.
/// </summary>
public sealed class OfficerQueries(IDbContextFactory<AppDbContext> dbFactory, CalendarProvider calendars, TimeProvider clock, PersonalDataLog accessLog)
{
    /// <summary>A page of a queue, sorted and filtered on the server.</summary>
    public async Task<DossierPage> ListAsync(Actor actor, OfficerQueue queue, DossierFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var query = QueueQuery(db, actor, queue, filter, calendar, nowUtc);
        // The count rides on the page's rows (one query, one round trip: EF's fixed cost per query is larger than the
        // indexed count itself); only a page past the end, which has no row to carry it, counts on its own.
        var rows = await PageQuery(db, query, sortBy, descending, page, pageSize).ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : page == 0 ? 0 : await query.CountAsync(ct);
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        return new DossierPage([.. rows.Select(r => r.Row with { Deadline = Classify(r.Row.DueAt, r.Row.FinishedAt, nowLocal, calendar) })], total);
    }

    /// <summary>A row of a page with the number of rows of the whole list.</summary>
    internal sealed record CountedRow(DossierRow Row, int Total);

    /// <summary>The dossiers of a queue, filtered (a query, so tests can translate it for every provider).</summary>
    internal static IQueryable<Dossier> QueueQuery(AppDbContext db, Actor actor, OfficerQueue queue, DossierFilter filter, WorkingCalendar calendar, DateTime nowUtc) =>
        ApplyFilter(Queue(db.Dossiers.AsNoTracking().VisibleTo(actor), queue, actor), filter, calendar, nowUtc);

    /// <summary>One sorted page of rows, each with the list's count, without the deadline state (computed in memory from the calendar).</summary>
    internal static IQueryable<CountedRow> PageQuery(AppDbContext db, IQueryable<Dossier> query, string? sortBy, bool descending, int page, int pageSize)
    {
        var sorted = (sortBy, descending) switch
        {
            (nameof(DossierRow.Code), false) => query.OrderBy(d => d.Code),
            (nameof(DossierRow.Code), true) => query.OrderByDescending(d => d.Code),
            (nameof(DossierRow.ApplicantName), false) => query.OrderBy(d => d.ApplicantName),
            (nameof(DossierRow.ApplicantName), true) => query.OrderByDescending(d => d.ApplicantName),
            (nameof(DossierRow.DueAt), false) => query.OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt),
            (nameof(DossierRow.DueAt), true) => query.OrderByDescending(d => d.DueAt),
            (nameof(DossierRow.Status), false) => query.OrderBy(d => d.Status).ThenBy(d => d.SubmittedAt),
            (nameof(DossierRow.Status), true) => query.OrderByDescending(d => d.Status).ThenBy(d => d.SubmittedAt),
            (_, true) => query.OrderByDescending(d => d.SubmittedAt),
            // Oldest first: the desk works in order of arrival.
            _ => query.OrderBy(d => d.SubmittedAt),
        };
        // The page first, then its officers joined to its rows (not a subquery per row); the count is an uncorrelated
        // subquery, which SQLite and SQL Server evaluate once.
        return from d in sorted.Skip(page * pageSize).Take(pageSize)
               join u in db.Users on d.AssignedOfficerId equals u.Id into officers
               from u in officers.DefaultIfEmpty()
               select new CountedRow(new DossierRow(d.Id, d.Code, d.Procedure!.Name, d.ApplicantName, d.Channel, d.Stage, d.Status, d.SubmittedAt, d.DueAt, d.FinishedAt,
                   u == null ? null : u.FullName, null), query.Count());
    }

    private static IQueryable<Dossier> Queue(IQueryable<Dossier> visible, OfficerQueue queue, Actor actor) => queue switch
    {
        // Paper dossiers are received in the same step they are entered, so only online ones wait here.
        OfficerQueue.Reception => visible.Where(d => d.Stage == DossierStage.Submitted),
        OfficerQueue.AwaitingReturn => visible.Where(d => d.Stage == DossierStage.ResultReady),
        OfficerQueue.Assignment => visible.Where(d => d.Stage == DossierStage.Received || d.Stage == DossierStage.SentBack),
        OfficerQueue.Approval => visible.Where(d => d.Stage == DossierStage.AwaitingApproval),
        OfficerQueue.MyTasks => visible.Where(d => d.AssignedOfficerId == actor.UserId && d.FinishedAt == null),
        _ => visible,
    };

    private static IQueryable<Dossier> ApplyFilter(IQueryable<Dossier> query, DossierFilter filter, WorkingCalendar calendar, DateTime nowUtc)
    {
        if (filter.Status is { } status)
            query = query.Where(d => d.Status == status);
        if (filter.ProcedureId is { } procedureId)
            query = query.Where(d => d.ProcedureId == procedureId);
        if (filter.SubmittedFrom is { } from)
        {
            var fromUtc = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(d => d.SubmittedAt >= fromUtc);
        }
        if (filter.SubmittedTo is { } to)
        {
            var toUtc = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(d => d.SubmittedAt < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
            query = ApplySearch(query, filter.Search.Trim());
        switch (filter.Due)
        {
            case DueFilter.Overdue:
                query = query.Where(d => d.FinishedAt == null && d.DueAt != null && d.DueAt < nowUtc);
                break;
            case DueFilter.DueSoon:
                var soonUtc = DueSoonLimitUtc(calendar, nowUtc);
                query = query.Where(d => d.FinishedAt == null && d.DueAt != null && d.DueAt >= nowUtc && d.DueAt <= soonUtc);
                break;
            case DueFilter.FinishedLate:
                query = query.Where(d => d.FinishedAt != null && d.DueAt != null && d.FinishedAt > d.DueAt);
                break;
        }
        return query;
    }

    /// <summary>
    /// The search box. A term with a digit is a dossier code (any part of it) or a CCCD number; a term without one is
    /// the start of the applicant's name, compared folded ("nguyen van" finds "Nguyễn Văn An") as a range on the
    /// persisted folded name, so it seeks the <c>(UnitId, ApplicantSearchName)</c> index instead of reading the unit's
    /// history. Vietnamese names are written family name first, which is how a clerk types them.
    /// </summary>
    internal static IQueryable<Dossier> ApplySearch(IQueryable<Dossier> query, string term)
    {
        if (term.Any(char.IsAsciiDigit))
        {
            var upper = term.ToUpperInvariant();
            return query.Where(d => d.Code.Contains(upper) || d.ApplicantCccd == term);
        }
        var (from, to) = PrefixRange(VietnameseText.Fold(term));
        return query.Where(d => string.Compare(d.ApplicantSearchName, from) >= 0 && string.Compare(d.ApplicantSearchName, to) < 0);
    }

    /// <summary>The folded names that start with <paramref name="prefix"/>: from it (inclusive) to it with the last letter moved up one (exclusive).</summary>
    internal static (string From, string To) PrefixRange(string prefix) =>
        prefix.Length == 0 ? ("", "\uffff") : (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    /// <summary>"Due soon" = due today or by the end of the next working day (<see cref="DeadlineCalculator.Classify"/>).</summary>
    internal static DateTime DueSoonLimitUtc(WorkingCalendar calendar, DateTime nowUtc)
    {
        var next = calendar.NextWorkingDay(DateOnly.FromDateTime(VietnamTime.ToLocal(nowUtc)));
        return VietnamTime.ToUtc(next.ToDateTime(TimeOnly.MaxValue));
    }

    private static DeadlineState? Classify(DateTime? dueUtc, DateTime? finishedUtc, DateTime nowLocal, WorkingCalendar calendar) =>
        dueUtc is { } due
            ? DeadlineCalculator.Classify(VietnamTime.ToLocal(due), finishedUtc is { } f ? VietnamTime.ToLocal(f) : null, nowLocal, calendar)
            : null;

    public async Task<DashboardCounts> DashboardAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var soonUtc = DueSoonLimitUtc(calendar, nowUtc);
        var visible = db.Dossiers.AsNoTracking().VisibleTo(actor);
        // One grouped query by stage (the status follows from it) on the unit's slice of the (UnitId, Stage, …) index,
        // and one over the unit's open dossiers for the deadline counts: neither reads the unit's history.
        var byStage = await visible.GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byStatus = byStage.GroupBy(s => DossierWorkflow.StatusOf(s.Key)).Select(g => new StatusCount(g.Key, g.Sum(s => s.Value))).ToList();
        var open = await visible.Where(d => d.FinishedAt == null).GroupBy(_ => 1).Select(g => new
        {
            Overdue = g.Count(d => d.DueAt != null && d.DueAt < nowUtc),
            DueSoon = g.Count(d => d.DueAt != null && d.DueAt >= nowUtc && d.DueAt <= soonUtc),
            Mine = g.Count(d => d.AssignedOfficerId == actor.UserId),
        }).FirstOrDefaultAsync(ct);
        var (overdue, dueSoon, mine) = (open?.Overdue ?? 0, open?.DueSoon ?? 0, open?.Mine ?? 0);
        int Stage(DossierStage s) => byStage.GetValueOrDefault(s);
        return new DashboardCounts([.. byStatus.OrderBy(s => s.Status)], dueSoon, overdue,
            Stage(DossierStage.Submitted), Stage(DossierStage.ResultReady), Stage(DossierStage.Received) + Stage(DossierStage.SentBack),
            Stage(DossierStage.AwaitingApproval), mine);
    }

    /// <summary>
    /// The dossier with its documents and audit trail, or null when it does not exist or is outside the actor's scope.
    /// Identity papers are left out of the query for an actor who may not see them (<see cref="PersonalDataPolicy"/>),
    /// and the view is written to the personal-data access log under <paramref name="screen"/>.
    /// </summary>
    public async Task<DossierDetail?> DetailAsync(Actor actor, Guid id, string screen = PersonalDataScreens.OfficerDossier, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = actor.SeesIdentityPapers();
        var d = await db.Dossiers.AsNoTracking().VisibleTo(actor).Where(x => x.Id == id)
            .Select(x => new
            {
                Dossier = new
                {
                    x.Id, x.Code, x.Version, x.ProcedureId, x.UnitId, x.ApplicantName, x.ApplicantUserId,
                    ApplicantCccd = papers ? x.ApplicantCccd : "",
                    ApplicantPhone = papers ? x.ApplicantPhone : null,
                    ApplicantEmail = papers ? x.ApplicantEmail : null,
                    ApplicantAddress = papers ? x.ApplicantAddress : null,
                    x.Channel, x.Stage, x.Status, x.Outcome, FormDataJson = papers ? x.FormDataJson : "{}", x.SubmittedAt, x.ReceivedAt, x.ClockStartAt, x.DueAt, x.OriginalDueAt,
                    x.ReappointmentCount, x.FinishedAt, x.ReturnedAt, x.AssignedOfficerId, x.SupplementCount, x.SupplementRequest,
                    x.SupplementAtReception, x.FeeVnd, x.PaidAmountVnd, x.PaymentReceiptNumber, x.PaymentChannel, x.PaidAt, x.ProcedureVersion,
                },
                ProcedureCode = x.Procedure!.Code,
                ProcedureName = x.Procedure.Name,
                x.Procedure.TimeLimitValue,
                x.Procedure.TimeLimitUnit,
                UnitName = x.Unit!.Name,
                ReceivingUnit = db.Units.Where(u => u.Id == x.ReceivingUnitId).Select(u => new { u.Name, u.AgencyCode }).First(),
                Assigned = db.Users.Where(u => u.Id == x.AssignedOfficerId).Select(u => u.FullName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (d is null)
            return null;
        var x = d.Dossier;
        await accessLog.SaveAsync(db, actor, screen, [new ViewedDossier(x.Id, x.Code)], ct: ct);
        // The papers and steps of the version the dossier was filed under, not of a later edit.
        var filedUnder = await ProcedureVersions.DefinitionAsync(db, x.ProcedureId, x.ProcedureVersion, ct);
        var required = filedUnder is not null ? [.. filedUnder.Documents.Select(r => r.Name)]
            : await db.RequiredDocuments.AsNoTracking().Where(r => r.ProcedureId == x.ProcedureId && !r.Retired).OrderBy(r => r.Order).Select(r => r.Name).ToListAsync(ct);
        var steps = filedUnder is not null ? [.. filedUnder.Steps.Select((s, i) => new StepPlan(i + 1, s.Name, s.Role, s.SharePercent))]
            : await db.WorkflowSteps.AsNoTracking().Where(s => s.ProcedureId == x.ProcedureId).OrderBy(s => s.Order)
                .Select(s => new StepPlan(s.Order, s.Name, s.Role, s.SharePercent)).ToListAsync(ct);
        var files = await (from f in db.Files.AsNoTracking()
                           where f.DossierId == id && papers
                           orderby f.UploadedAt
                           select new FileInfoRow(f.Id, f.FileName, f.ContentType, f.Size, f.Kind,
                               db.RequiredDocuments.Where(r => r.Id == f.RequiredDocumentId).Select(r => r.Name).FirstOrDefault(), f.UploadedAt))
            .ToListAsync(ct);
        var timeline = await (from e in db.DossierEvents.AsNoTracking()
                              where e.DossierId == id
                              orderby e.At, e.Id
                              select new TimelineEntry(e.Id, e.At, e.Action, e.ActorName, e.ActorUnitName, e.FromStatus, e.ToStatus, e.FromStage, e.ToStage,
                                  db.Units.Where(u => u.Id == e.ToUnitId).Select(u => u.Name).FirstOrDefault(), e.Note, e.OnTime))
            .ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var nowLocal = VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var canReappoint = x.DueAt is { } due && !DossierWorkflow.IsFinished(x.Stage)
            && DeadlineCalculator.CanReappoint(x.ReappointmentCount, VietnamTime.ToLocal(due), nowLocal, calendar);
        return new DossierDetail(
            x.Id, x.Code, x.Version, x.ProcedureId, d.ProcedureCode, d.ProcedureName, new TimeLimit(d.TimeLimitValue, d.TimeLimitUnit),
            x.UnitId, d.UnitName, d.ReceivingUnit.Name, d.ReceivingUnit.AgencyCode,
            x.ApplicantName, x.ApplicantCccd, x.ApplicantPhone, x.ApplicantEmail, x.ApplicantAddress, x.ApplicantUserId is not null,
            x.Channel, x.Stage, x.Status, x.Outcome, x.FormDataJson,
            x.SubmittedAt, x.ReceivedAt, x.ClockStartAt, x.DueAt, x.OriginalDueAt, x.ReappointmentCount,
            x.FinishedAt, x.ReturnedAt, x.AssignedOfficerId, d.Assigned,
            x.SupplementCount, x.SupplementRequest, x.SupplementAtReception, x.FeeVnd,
            required, steps, files, timeline,
            Classify(x.DueAt, x.FinishedAt, nowLocal, calendar), canReappoint,
            x.DueAt is { } dueAt && !DossierWorkflow.IsFinished(x.Stage)
                && DeadlineCalculator.IsApologyDue(x.ReappointmentCount, VietnamTime.ToLocal(dueAt), nowLocal, calendar),
            x is { PaidAmountVnd: long paid, PaymentChannel: PaymentChannel channel, PaidAt: DateTime paidAt }
                ? new ReceivedPayment(paid, x.PaymentReceiptNumber, channel, paidAt) : null,
            x.ProcedureVersion);
    }

    /// <summary>Specialists of a unit, for the assignment list.</summary>
    public async Task<IReadOnlyList<OfficerOption>> SpecialistsAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from u in db.Users.AsNoTracking()
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.UnitId == unitId && r.Name == Roles.Specialist
                      orderby u.FullName
                      select new OfficerOption(u.Id, u.FullName)).ToListAsync(ct);
    }

    /// <summary>
    /// Units a dossier can be transferred to (liên thông, at the same or another level): every unit that exists today
    /// but the current one. A dossier left in a dissolved unit can be transferred out of it; none can go into one.
    /// </summary>
    public async Task<IReadOnlyList<Option>> TransferTargetsAsync(int currentUnitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().ValidOn(VietnamTime.Today(clock))
            .Where(u => u.Id != currentUnitId)
            .OrderBy(u => u.Level).ThenBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RequiredDocumentOption>> RequiredDocumentsAsync(int procedureId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RequiredDocuments.AsNoTracking().Where(r => r.ProcedureId == procedureId && !r.Retired).OrderBy(r => r.Order)
            .Select(r => new RequiredDocumentOption(r.Id, r.Name, r.Mandatory, r.AcceptedTypes)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Option>> ProceduresAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Procedures.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
    }
}

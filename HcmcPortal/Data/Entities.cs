using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Data;

/// <summary>Filled by <see cref="AppDbContext"/> on every save: who created and last changed a row, and when (UTC).</summary>
public interface IAudited
{
    DateTime CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTime UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// Rows two people can edit at once carry an application-managed token, renewed on every save,
/// because SQLite has no rowversion (shared/stack.md).
/// </summary>
public interface IConcurrent
{
    Guid Version { get; set; }
}

public class AppUser : IdentityUser, IAdminAudited
{
    public string FullName { get; set; } = "";
    public string? Cccd { get; set; }
    /// <summary>The administrative unit an officer belongs to; it scopes what they see. Null for citizens.</summary>
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The last successful password sign-in (web page or app), UTC.</summary>
    public DateTime? LastSignInAt { get; set; }

    string IAdminAudited.AuditKey => Email ?? Id;
    int? IAdminAudited.AuditUnitId => UnitId;
}

public enum UnitLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
}

/// <summary>An administrative unit in a tree with validity dates (domain.md §7: the district level ended on 30/06/2025).</summary>
public class AdministrativeUnit : IAdminAudited
{
    public int Id { get; set; }
    /// <summary>Code from the national list of administrative units, e.g. 760 for Quận 1.</summary>
    public string Code { get; set; } = "";
    /// <summary>Agency identifier used in dossier codes (Circular 10/2016/TT-BTTTT), e.g. 000.00.13.H30.</summary>
    public string AgencyCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Quận, Huyện, Thành phố, Phường, Xã ...</summary>
    public string Kind { get; set; } = "";
    public UnitLevel Level { get; set; }
    public int? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    /// <summary>Materialised path of ids, e.g. "/1/5/", so that "this unit and every unit below it" is one indexed prefix match.</summary>
    public string Path { get; set; } = "/";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>Whether the unit exists on <paramref name="day"/> (both ends inclusive).</summary>
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    string IAdminAudited.AuditKey => Code;
    int? IAdminAudited.AuditUnitId => Id == 0 ? null : Id;
}

/// <summary>
/// A unit that took over (part of) a dissolved unit's area, e.g. Phường Tân Định (Quận 1) → Phường Tân Định (2025).
/// Partial: the predecessor was split between several successors (Resolution 1685/NQ-UBTVQH15), so its history maps
/// to each of them only in part.
/// </summary>
public class UnitSuccession
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public int SuccessorId { get; set; }
    public bool Partial { get; set; }
}

public enum ProcedureLevel
{
    City = 1,
    District = 2,
    Commune = 3,
}

public class Procedure : IAudited, IConcurrent, IAdminAudited
{
    public int Id { get; set; }
    /// <summary>Code in the national procedures database, e.g. 1.001193.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Name folded to lower case without diacritics, so "khai sinh" finds "Khai sinh".</summary>
    public string SearchName { get; set; } = "";
    public string Field { get; set; } = "";
    public ProcedureLevel Level { get; set; }
    public int TimeLimitValue { get; set; }
    public TimeLimitUnit TimeLimitUnit { get; set; }
    /// <summary>Fee in whole đồng.</summary>
    public long FeeVnd { get; set; }
    public bool FullyOnline { get; set; }
    public string Description { get; set; } = "";
    public string HandlingAgency { get; set; } = "";
    public bool IsPublished { get; set; } = true;
    /// <summary>
    /// Codes of the units that receive this procedure's dossiers, separated by '|'; empty means every reception centre
    /// of its level (<see cref="Units.Reception"/>).
    /// </summary>
    public string ReceivingUnitCodes { get; set; } = "";
    /// <summary>The number of the version in force (<see cref="ProcedureVersion"/>); 0 while a new procedure was never published.</summary>
    public int CurrentVersion { get; set; } = 1;
    /// <summary>When it was first published, and when its version in force was published (the service index's transparency group).</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime? ChangedAt { get; set; }
    /// <summary>When it was withdrawn from the public catalogue; null while it is in force.</summary>
    public DateTime? UnpublishedAt { get; set; }
    public List<RequiredDocument> RequiredDocuments { get; set; } = [];
    public List<ProcedureFormField> FormFields { get; set; } = [];
    public List<WorkflowStep> WorkflowSteps { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    public TimeLimit TimeLimit => new(TimeLimitValue, TimeLimitUnit);

    string IAdminAudited.AuditKey => Code;
}

public class RequiredDocument : IAdminAudited
{
    string IAdminAudited.AuditKey => $"{ProcedureId}#{Order}";

    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public string Name { get; set; } = "";
    public bool Mandatory { get; set; } = true;
    public int Order { get; set; }
    /// <summary>File extensions accepted for this document, separated by ',' (e.g. "pdf,jpg"); empty means the portal's usual types.</summary>
    public string AcceptedTypes { get; set; } = "";
    /// <summary>A sample or blank form the applicant can download and fill in.</summary>
    public string? TemplateFileName { get; set; }
    public byte[]? TemplateContent { get; set; }
    /// <summary>
    /// Removed from the procedure by an edit. The row stays because files of dossiers filed under an older version point
    /// to it; no form or check offers it any more.
    /// </summary>
    public bool Retired { get; set; }
}

public enum FormFieldType
{
    Text = 0,
    Number = 1,
    Date = 2,
    Choice = 3,
    Address = 4,
    /// <summary>A citizen identity number (12 digits, checked like the applicant's).</summary>
    Cccd = 5,
    Phone = 6,
}

/// <summary>A procedure's own form field, defined as data per procedure.</summary>
public class ProcedureFormField : IAdminAudited
{
    string IAdminAudited.AuditKey => $"{ProcedureId}#{Order}";

    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public FormFieldType Type { get; set; }
    public bool Required { get; set; }
    /// <summary>Choices for <see cref="FormFieldType.Choice"/>, separated by '|'.</summary>
    public string? Options { get; set; }
    public int Order { get; set; }
    /// <summary>Text: the longest answer accepted. Null: the portal's limit for answers.</summary>
    public int? MaxLength { get; set; }
    /// <summary>Number: the smallest and largest values accepted.</summary>
    public decimal? MinValue { get; set; }
    public decimal? MaxValue { get; set; }
}

/// <summary>
/// One published version of a procedure: its whole definition as it was in force (JSON of
/// <c>Admin.Catalogue.ProcedureDefinition</c>), so that a dossier filed under it is read with the form, documents and
/// steps it was filed with after later edits.
/// </summary>
public class ProcedureVersion
{
    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public Procedure? Procedure { get; set; }
    public int Number { get; set; }
    public string DefinitionJson { get; set; } = "{}";
    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

/// <summary>The catalogue's audit trail: who did what to a procedure and when, with the definition before and after.</summary>
public class ProcedureChange
{
    public long Id { get; set; }
    public int ProcedureId { get; set; }
    public Procedure? Procedure { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    /// <summary>created, edited, published, unpublished, imported.</summary>
    public string Action { get; set; } = "";
    public int Version { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
}

/// <summary>One step of a procedure's workflow, with the role that acts and its share of the time limit.</summary>
public class WorkflowStep : IAdminAudited
{
    string IAdminAudited.AuditKey => $"{ProcedureId}#{Order}";

    public int Id { get; set; }
    public int ProcedureId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public int SharePercent { get; set; }
}

/// <summary>The working-day calendar is data, kept per year by an administrator (domain.md §4).</summary>
public class CalendarEntry : IAudited, IAdminAudited
{
    string IAdminAudited.AuditKey => Date.ToString("yyyy-MM-dd");

    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>
/// A year whose working-day calendar is decided: announced by the Government (seeded) or confirmed by an
/// administrator. A year without this row is only suggested, and due dates falling in it are flagged to officers.
/// The row is the audit of the decision: who confirmed it, when, and on what basis.
/// </summary>
public class CalendarYear : IAdminAudited
{
    string IAdminAudited.AuditKey => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int Year { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ConfirmedAt { get; set; }
    /// <summary>The administrator's user id, or <see cref="Seed.ReferenceSeeder.SystemActor"/> for a schedule seeded as announced.</summary>
    public string ConfirmedBy { get; set; } = "";
    /// <summary>What the decision rests on, e.g. the Government Office letter; optional for an administrator.</summary>
    public string? Basis { get; set; }
}

public enum DossierOutcome
{
    None = 0,
    Granted = 1,
    Rejected = 2,
}

public class Dossier : IAudited, IConcurrent
{
    public Guid Id { get; set; }
    /// <summary>&lt;agency code&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt; (Decree 61/2018 art. 26).</summary>
    public string Code { get; set; } = "";
    public int ProcedureId { get; set; }
    public Procedure? Procedure { get; set; }
    /// <summary>The procedure's version the dossier was filed under (<see cref="Data.ProcedureVersion"/>): later edits do not change it.</summary>
    public int ProcedureVersion { get; set; } = 1;
    /// <summary>The unit that holds the dossier now (changes on transfer).</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>Copied from the unit so that scope checks are one indexed prefix match.</summary>
    public string UnitPath { get; set; } = "/";
    public int ReceivingUnitId { get; set; }
    public string? ApplicantUserId { get; set; }
    public string ApplicantName { get; set; } = "";
    /// <summary>The name folded without diacritics (kept by <see cref="AppDbContext"/>), so a clerk finds "Nguyễn" by typing "nguyen".</summary>
    public string ApplicantSearchName { get; set; } = "";
    public string ApplicantCccd { get; set; } = "";
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantAddress { get; set; }
    public DossierChannel Channel { get; set; }
    public DossierStatus Status { get; set; }
    public DossierStage Stage { get; set; }
    public DossierOutcome Outcome { get; set; }
    public string FormDataJson { get; set; } = "{}";
    public DateTime SubmittedAt { get; set; }
    public DateTime? ReceivedAt { get; set; }
    /// <summary>Start of the agency's clock; restarts from zero after a supplement during processing (art. 19(4)).</summary>
    public DateTime? ClockStartAt { get; set; }
    public DateTime? DueAt { get; set; }
    /// <summary>The date first promised on the receipt; kept when the one allowed re-appointment moves <see cref="DueAt"/>.</summary>
    public DateTime? OriginalDueAt { get; set; }
    public int ReappointmentCount { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? AssignedOfficerId { get; set; }
    public int SupplementCount { get; set; }
    public DateTime? SupplementRequestedAt { get; set; }
    public string? SupplementRequest { get; set; }
    public bool SupplementAtReception { get; set; }
    public bool IsDigitised { get; set; }
    public bool ResultDigitised { get; set; }
    public long FeeVnd { get; set; }
    public bool FeePaidOnline { get; set; }
    /// <summary>The fee the desk received (status 6 → processing), in whole đồng, with its receipt number, channel and time.</summary>
    public long? PaidAmountVnd { get; set; }
    public string? PaymentReceiptNumber { get; set; }
    public PaymentChannel? PaymentChannel { get; set; }
    public DateTime? PaidAt { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the request that came with <see cref="IdempotencyKey"/>: the same key with another body is refused (422).</summary>
    public string? IdempotencyBodyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A citizen's unfinished submission, saved as they go so that it can be resumed on another device.</summary>
public class DossierDraft : IAudited, IConcurrent
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = "";
    public int ProcedureId { get; set; }
    public Procedure? Procedure { get; set; }
    public int? UnitId { get; set; }
    public int Step { get; set; }
    public string DataJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

public enum FileKind
{
    Application = 0,
    Supplement = 1,
    Scan = 2,
    Result = 3,
    Evidence = 4,
}

/// <summary>File metadata; the bytes live in <see cref="FileContent"/> so listings never load them.</summary>
public class StoredFile
{
    public Guid Id { get; set; }
    public Guid? DossierId { get; set; }
    public Guid? DraftId { get; set; }
    public int? RequiredDocumentId { get; set; }
    public FileKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
    public FileContent? Content { get; set; }
}

public class FileContent
{
    public Guid FileId { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>Append-only audit trail of a dossier: every action, who, unit, when, from and to (Circular 01/2018, form 05).</summary>
public class DossierEvent
{
    public long Id { get; set; }
    public Guid DossierId { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public int? ActorUnitId { get; set; }
    public string ActorUnitName { get; set; } = "";
    public string Action { get; set; } = "";
    public DossierStatus? FromStatus { get; set; }
    public DossierStatus ToStatus { get; set; }
    public DossierStage? FromStage { get; set; }
    public DossierStage ToStage { get; set; }
    public int? ToUnitId { get; set; }
    public string? Note { get; set; }
    /// <summary>Whether the hand-over happened within its allotted time, for the dossier-control slip.</summary>
    public bool? OnTime { get; set; }
}

/// <summary>Last sequence number per agency and reception day; incremented in the submitting transaction so codes are unique and never reused.</summary>
public class DossierCodeCounter
{
    public string AgencyCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public int LastNumber { get; set; }
}

public enum SatisfactionLevel
{
    Satisfied = 1,
    Normal = 2,
    NotSatisfied = 3,
}

public class Rating
{
    public Guid DossierId { get; set; }
    public SatisfactionLevel Level { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}

public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid? DossierId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// One view of a dossier's personal data or files by a member of staff (Law 91/2025/QH15 on personal data protection,
/// Decree 356/2025/NĐ-CP): who, when, which dossier, through which screen. Append-only — the context refuses to change
/// or delete a row (<see cref="AppDbContext"/>), and the applicant may read the rows of their own dossiers.
/// </summary>
public class PersonalDataAccess
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>The viewer's roles (comma-separated role names) and unit at the time of the view.</summary>
    public string Roles { get; set; } = "";
    public int? UnitId { get; set; }
    public string? UnitName { get; set; }
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = "";
    /// <summary>The screen or endpoint that showed the data (<see cref="Privacy.PersonalDataScreens"/>).</summary>
    public string Screen { get; set; } = "";
    /// <summary>What was opened, when more precise than the dossier (e.g. the file's name).</summary>
    public string? Detail { get; set; }
}

/// <summary>
/// A mail waiting to be sent, saved in the same transaction as the change that causes it (transactional outbox), so a
/// restart loses none. A worker claims a row by moving <see cref="LeaseUntil"/> forward with an atomic conditional
/// UPDATE, so two instances never send the same mail.
/// </summary>
public class MailOutbox
{
    public long Id { get; set; }
    /// <summary>The recipient's address; null when it is read from <see cref="UserId"/>'s account at sending time.</summary>
    public string? To { get; set; }
    public string? UserId { get; set; }
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Not sent before this time: the claim lease of the worker sending it, or the backoff after a failure.</summary>
    public DateTime LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Set when the mail is given up (a bad address, or the retries exhausted).</summary>
    public DateTime? FailedAt { get; set; }
}

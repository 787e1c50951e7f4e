using HcmcPortal.Domain;
using HcmcPortal.Localization;

namespace HcmcPortal.Dossiers;

public enum CommandStatus
{
    Ok,
    /// <summary>Not found, or not visible to the actor: the two are never told apart.</summary>
    NotFound,
    Forbidden,
    Invalid,
    /// <summary>Someone else changed the dossier first; <see cref="CommandResult.Message"/> says who and when.</summary>
    Conflict,
    /// <summary>Over the account's budget (<c>RateLimits:*</c>); <see cref="CommandResult.Message"/> says when to try again.</summary>
    Limited,
    /// <summary>An idempotency key already used for a submission with a different content.</summary>
    KeyReused,
}

public sealed record CommandResult(CommandStatus Status, string? Message = null, Guid? Version = null, string? Code = null, Guid? DossierId = null)
{
    public bool Succeeded => Status == CommandStatus.Ok;
    /// <summary>The receiving unit cannot take this dossier (<see cref="HcmcPortal.Units.Reception"/>): a form shows the message at its unit field.</summary>
    public bool RefusedUnit { get; init; }
    public static CommandResult NotFound() => new(CommandStatus.NotFound, UiTexts.Get("Dossier.Result.NotFound"));
    public static CommandResult Invalid(string message) => new(CommandStatus.Invalid, message);
    public static CommandResult Forbidden(string? message = null) => new(CommandStatus.Forbidden, message ?? UiTexts.Get("Dossier.Result.Forbidden"));
}

/// <summary>One officer or citizen action on a dossier, with the version the actor saw.</summary>
public sealed record ActionRequest(Guid DossierId, Guid ExpectedVersion, DossierAction Action)
{
    public string? Note { get; init; }
    public string? AssigneeId { get; init; }
    public int? TargetUnitId { get; init; }
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];
    /// <summary>What the desk received, for <see cref="DossierAction.ConfirmPayment"/>.</summary>
    public PaymentReceipt? Payment { get; init; }
}

/// <summary>A fee received: the amount in whole đồng, the receipt's number and how it was paid.</summary>
public sealed record PaymentReceipt(long AmountVnd, string? ReceiptNumber, PaymentChannel Channel);

/// <summary>A new dossier, online from a citizen or on paper at the desk (walk-in).</summary>
public sealed record SubmitRequest(int ProcedureId, int UnitId, DossierChannel Channel)
{
    public string ApplicantName { get; init; } = "";
    public string ApplicantCccd { get; init; } = "";
    public string? ApplicantPhone { get; init; }
    public string? ApplicantEmail { get; init; }
    public string? ApplicantAddress { get; init; }
    public string FormDataJson { get; init; } = "{}";
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];
    /// <summary>A retried submission with the same key returns the first dossier.</summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>The draft this submission completes; it is deleted in the same transaction.</summary>
    public Guid? DraftId { get; init; }
}

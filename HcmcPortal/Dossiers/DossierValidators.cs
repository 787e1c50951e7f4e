using FluentValidation;
using HcmcPortal.Domain;
using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Dossiers;

/// <summary>The applicant of a dossier as a person typed it (the web form's draft, the walk-in desk, the API).</summary>
public sealed class ApplicantInfo
{
    public string Name { get; set; } = "";
    public string Cccd { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    public static ApplicantInfo Of(SubmitRequest request) => new()
    {
        Name = request.ApplicantName,
        Cccd = request.ApplicantCccd,
        Phone = request.ApplicantPhone,
        Email = request.ApplicantEmail,
        Address = request.ApplicantAddress,
    };
}

/// <summary>
/// The one set of rules for a dossier's applicant, whatever the channel: the web form checks each field with it as the
/// person types, and <see cref="SubmitRequestValidator"/> applies it again as the last gate before storing.
/// </summary>
public sealed class ApplicantValidator : AbstractValidator<ApplicantInfo>
{
    /// <summary>How every command names the applicant's fields: "Applicant.Name", "Applicant.Cccd" …</summary>
    public const string Prefix = "Applicant.";

    public ApplicantValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).PersonName("Validation.Applicant.NameRequired");
        RuleFor(x => x.Cccd).CccdNumber(clock);
        RuleFor(x => x.Phone).PhoneNumber(required: false);
        RuleFor(x => x.Email).Email(required: false);
        RuleFor(x => x.Address).Address();
    }
}

/// <summary>A new dossier, whatever the channel: its applicant by <see cref="ApplicantValidator"/> (fields "Applicant.*") and its idempotency key.</summary>
public sealed class SubmitRequestValidator : AbstractValidator<SubmitRequest>
{
    public SubmitRequestValidator(IValidator<ApplicantInfo> applicant)
    {
        RuleFor(x => ApplicantInfo.Of(x)).SetValidator(applicant).OverridePropertyName(ApplicantValidator.Prefix.TrimEnd('.'));
        RuleFor(x => x.IdempotencyKey).Text("Idempotency-Key", TextLimits.IdempotencyKey);
    }
}

/// <summary>A fee received: a positive amount in whole đồng, the receipt's number, a known channel.</summary>
public sealed class PaymentReceiptValidator : AbstractValidator<PaymentReceipt>
{
    public PaymentReceiptValidator()
    {
        RuleFor(x => x.AmountVnd).GreaterThan(0).WithMessage(_ => UiTexts.Get("Validation.Payment.Amount"));
        RuleFor(x => x.ReceiptNumber).RequiredText("Validation.Label.ReceiptNumber", TextLimits.ReceiptNumber, "Validation.Payment.ReceiptRequired");
        RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => UiTexts.Get("Validation.Payment.Channel"));
    }
}

/// <summary>
/// An action on a dossier: its note (a reason, the supplement list, the withdraw reason) within the event's note column,
/// and for a payment received what was received (fields "Payment.*").
/// </summary>
public sealed class ActionRequestValidator : AbstractValidator<ActionRequest>
{
    public ActionRequestValidator()
    {
        RuleFor(x => x.Note).Text(NoteLabel, TextLimits.Note, multiLine: true);
        RuleFor(x => x.Payment).NotNull().WithMessage(_ => UiTexts.Get("Validation.Payment.Required")).SetValidator(new PaymentReceiptValidator()!)
            .When(x => x.Action == DossierAction.ConfirmPayment);
    }

    private const string NoteLabel = "Validation.Label.Note";

    /// <summary>The same rule for the notes of the commands that are not an <see cref="ActionRequest"/> (verification, re-appointment).</summary>
    public static string? NoteProblem(string? note) => TextRules.Problem(note, UiTexts.Get(NoteLabel), TextLimits.Note, multiLine: true);
}

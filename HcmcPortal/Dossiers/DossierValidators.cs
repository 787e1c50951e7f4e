using FluentValidation;
using HcmcPortal.Domain;
using HcmcPortal.Validation;

namespace HcmcPortal.Dossiers;

/// <summary>
/// A new dossier's applicant, whatever the channel (web form, API, walk-in at the desk). The web form and the API
/// check the same fields earlier, field by field, with <c>ApplicantValidator</c>; this is the last gate before storing.
/// </summary>
public sealed class SubmitRequestValidator : AbstractValidator<SubmitRequest>
{
    public SubmitRequestValidator(TimeProvider clock)
    {
        RuleFor(x => x.ApplicantName).PersonName("Vui lòng nhập họ tên người nộp hồ sơ.");
        RuleFor(x => x.ApplicantCccd).CccdNumber(clock);
        RuleFor(x => x.ApplicantPhone).PhoneNumber(required: false);
        RuleFor(x => x.ApplicantEmail).Email(required: false);
        RuleFor(x => x.ApplicantAddress).Address();
        RuleFor(x => x.IdempotencyKey).Text("Idempotency-Key", TextLimits.IdempotencyKey);
    }
}

/// <summary>An action on a dossier: its note (a reason, the supplement list, the withdraw reason) within the event's note column.</summary>
public sealed class ActionRequestValidator : AbstractValidator<ActionRequest>
{
    public ActionRequestValidator()
    {
        RuleFor(x => x.Note).Text("Nội dung", TextLimits.Note, multiLine: true);
    }

    /// <summary>The same rule for the notes of the commands that are not an <see cref="ActionRequest"/> (verification, re-appointment).</summary>
    public static string? NoteProblem(string? note) => TextRules.Problem(note, "Nội dung", TextLimits.Note, multiLine: true);
}

using System.Net.Mail;
using FluentValidation;
using HcmcPortal.Domain;
using HcmcPortal.Localization;

namespace HcmcPortal.Validation;

/// <summary>
/// The rules for a person's details (name, CCCD, phone, e-mail, address), shared by every command that carries them.
/// Messages come from the UiText resources in the culture of each validation (Vietnamese unless the reader chose English).
/// </summary>
public static class PersonRules
{
    public const string NameRequiredKey = "Validation.Name.Required";

    public static string PhoneInvalid => UiTexts.Get("Validation.Phone.Invalid");
    public static string EmailInvalid => UiTexts.Get("Validation.Email.Invalid");

    /// <summary>What the reader is told for a CCCD the domain refuses.</summary>
    public static string CccdMessage(CccdProblem problem) => UiTexts.Get($"Validation.Cccd.{problem}");

    /// <summary>A CCCD as stored: NFC, digit groups joined ("079 203 001 234" → "079203001234").</summary>
    public static string StoredCccd(string? value) => Cccd.Normalize(TextRules.Normalize(value));

    /// <summary>A phone as stored: its national form ("+84 912 345 678" → "0912345678"), or null when none was given.</summary>
    public static string? StoredPhone(string? value) => PhoneNumbers.TryNormalize(TextRules.Normalize(value), out var phone) ? phone : null;

    public static IRuleBuilderOptionsConditions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string requiredKey = NameRequiredKey) =>
        rule.RequiredText("Validation.Label.FullName", TextLimits.PersonName, requiredKey);

    public static IRuleBuilderOptionsConditions<T, string?> CccdNumber<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.Custom((value, context) =>
        {
            if (Cccd.Validate(TextRules.Normalize(value), VietnamTime.Today(clock)).Problem is { } problem)
                context.AddFailure(CccdMessage(problem));
        });

    public static IRuleBuilderOptionsConditions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Custom((value, context) =>
        {
            var phone = TextRules.Normalize(value);
            if ((required || !string.IsNullOrEmpty(phone)) && !PhoneNumbers.IsValid(phone))
                context.AddFailure(PhoneInvalid);
        });

    /// <summary>An e-mail address; when <paramref name="required"/> and missing, refused with the message <paramref name="requiredKey"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, bool required, string requiredKey = "Validation.Email.Invalid") =>
        rule.Custom((value, context) =>
        {
            var email = TextRules.Normalize(value);
            if (string.IsNullOrEmpty(email))
            {
                if (required)
                    context.AddFailure(UiTexts.Get(requiredKey));
            }
            else if (TextRules.Problem(email, UiTexts.Get("Validation.Label.Email"), TextLimits.Email) is { } problem)
                context.AddFailure(problem);
            else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                context.AddFailure(EmailInvalid);
        });

    public static IRuleBuilderOptionsConditions<T, string?> Address<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text("Validation.Label.Address", TextLimits.Address);
}

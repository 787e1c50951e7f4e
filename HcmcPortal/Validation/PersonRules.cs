using System.Net.Mail;
using FluentValidation;
using HcmcPortal.Domain;

namespace HcmcPortal.Validation;

/// <summary>The rules for a person's details (name, CCCD, phone, e-mail, address), shared by every command that carries them.</summary>
public static class PersonRules
{
    public const string NameRequired = "Vui lòng nhập họ và tên.";
    public const string PhoneInvalid = PhoneNumbers.ErrorInvalid;
    public const string EmailInvalid = "Thư điện tử không hợp lệ.";

    /// <summary>A CCCD as stored: NFC, digit groups joined ("079 203 001 234" → "079203001234").</summary>
    public static string StoredCccd(string? value) => Cccd.Normalize(TextRules.Normalize(value));

    /// <summary>A phone as stored: its national form ("+84 912 345 678" → "0912345678"), or null when none was given.</summary>
    public static string? StoredPhone(string? value) => PhoneNumbers.TryNormalize(TextRules.Normalize(value), out var phone) ? phone : null;

    public static IRuleBuilderOptionsConditions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string requiredMessage = NameRequired) =>
        rule.RequiredText("Họ và tên", TextLimits.PersonName, requiredMessage);

    public static IRuleBuilderOptionsConditions<T, string?> CccdNumber<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.Custom((value, context) =>
        {
            var check = Cccd.Validate(TextRules.Normalize(value), VietnamTime.Today(clock));
            if (!check.IsValid)
                context.AddFailure(check.Error!);
        });

    public static IRuleBuilderOptionsConditions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Custom((value, context) =>
        {
            var phone = TextRules.Normalize(value);
            if ((required || !string.IsNullOrEmpty(phone)) && !PhoneNumbers.IsValid(phone))
                context.AddFailure(PhoneInvalid);
        });

    public static IRuleBuilderOptionsConditions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, bool required, string requiredMessage = EmailInvalid) =>
        rule.Custom((value, context) =>
        {
            var email = TextRules.Normalize(value);
            if (string.IsNullOrEmpty(email))
            {
                if (required)
                    context.AddFailure(requiredMessage);
            }
            else if (TextRules.Problem(email, "Thư điện tử", TextLimits.Email) is { } problem)
                context.AddFailure(problem);
            else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                context.AddFailure(EmailInvalid);
        });

    public static IRuleBuilderOptionsConditions<T, string?> Address<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text("Địa chỉ", TextLimits.Address);
}

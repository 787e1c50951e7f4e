using System.Globalization;
using System.Net.Mail;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data;
using FluentValidation;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Citizen.Submission;

/// <summary>What the applicant typed, saved as the draft's JSON as they go.</summary>
public sealed class DraftData
{
    public ApplicantInfo Applicant { get; set; } = new();
    public int? UnitId { get; set; }
    /// <summary>Text, number, date (yyyy-MM-dd) and choice answers by field key.</summary>
    public Dictionary<string, string?> Answers { get; set; } = [];
    /// <summary>Address answers by field key.</summary>
    public Dictionary<string, AddressAnswer> Addresses { get; set; } = [];

    public static DraftData Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DraftData>(json, FormRules.Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, FormRules.Json);
}

public sealed class AddressAnswer
{
    public int? DistrictId { get; set; }
    public int? WardId { get; set; }
    public string? Street { get; set; }
}

/// <summary>Field-by-field checks with messages in the reader's language, keyed so that each message shows next to its field.</summary>
public static class FormRules
{
    // Vietnamese letters stay readable in the stored JSON.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The applicant's fields as <see cref="ApplicantValidator"/> names them on any command (web form, walk-in, API).</summary>
    public static class Keys
    {
        public const string Name = ApplicantValidator.Prefix + nameof(ApplicantInfo.Name);
        public const string Cccd = ApplicantValidator.Prefix + nameof(ApplicantInfo.Cccd);
        public const string Phone = ApplicantValidator.Prefix + nameof(ApplicantInfo.Phone);
        public const string Email = ApplicantValidator.Prefix + nameof(ApplicantInfo.Email);
        public const string Address = ApplicantValidator.Prefix + nameof(ApplicantInfo.Address);
        public const string Unit = "Unit";
    }

    /// <summary>The applicant's fields by the shared <see cref="ApplicantValidator"/>, keyed "Applicant.&lt;field&gt;", and the receiving unit.</summary>
    public static Dictionary<string, string> ValidateApplicant(DraftData data, IValidator<ApplicantInfo> validator)
    {
        var errors = validator.Validate(data.Applicant).FirstErrors(field => ApplicantValidator.Prefix + field);
        if (data.UnitId is null)
            errors[Keys.Unit] = UiTexts.Get("Validation.Unit.Required");
        return errors;
    }

    public static Dictionary<string, string> ValidateAnswers(IReadOnlyList<FormFieldInfo> fields, DraftData data)
    {
        var errors = new Dictionary<string, string>();
        foreach (var f in fields)
        {
            if (f.Type == FormFieldType.Address)
            {
                var address = data.Addresses.GetValueOrDefault(f.Key);
                var empty = address is null || (address.DistrictId is null && address.WardId is null && string.IsNullOrWhiteSpace(address.Street));
                if (empty)
                {
                    if (f.Required)
                        errors[f.Key] = UiTexts.Format("Validation.Answer.Required", f.Label.ToLowerInvariant());
                }
                else if (address!.DistrictId is null || address.WardId is null || TextRules.IsBlank(address.Street))
                    errors[f.Key] = UiTexts.Get("Validation.Address.Incomplete");
                else if (TextRules.Problem(address.Street, f.Label, TextLimits.Address) is { } streetProblem)
                    errors[f.Key] = streetProblem;
                continue;
            }
            var value = TextRules.Normalize(data.Answers.GetValueOrDefault(f.Key));
            if (TextRules.IsBlank(value))
            {
                if (f.Required)
                    errors[f.Key] = UiTexts.Format("Validation.Answer.Required", f.Label.ToLowerInvariant());
                continue;
            }
            decimal number = 0;
            var error = TextRules.Problem(value!, f.Label, Math.Min(f.MaxLength ?? TextLimits.FormAnswer, TextLimits.FormAnswer), multiLine: true) ?? f.Type switch
            {
                FormFieldType.Number when !decimal.TryParse(value!.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out number)
                    => UiTexts.Format("Validation.Answer.Number", f.Label),
                FormFieldType.Number when number < f.MinValue => UiTexts.Format("Validation.Answer.Min", f.Label, f.MinValue.Value.ToString("0.####", CultureInfo.CurrentCulture)),
                FormFieldType.Number when number > f.MaxValue => UiTexts.Format("Validation.Answer.Max", f.Label, f.MaxValue.Value.ToString("0.####", CultureInfo.CurrentCulture)),
                FormFieldType.Cccd when Cccd.Validate(value, VietnamTime.Today(TimeProvider.System)) is { IsValid: false, Problem: { } problem } => $"{f.Label}: {PersonRules.CccdMessage(problem)}",
                FormFieldType.Phone when !PhoneNumbers.IsValid(value) => $"{f.Label}: {PersonRules.PhoneInvalid}",
                FormFieldType.Date when !DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    => UiTexts.Format("Validation.Answer.Date", f.Label),
                FormFieldType.Date when SupportedDates.Problem(DateOnly.ParseExact(value!, DateFormat, CultureInfo.InvariantCulture), f.Label) is { } outside
                    => outside,
                FormFieldType.Choice when !f.Options.Contains(value) => UiTexts.Format("Validation.Answer.Choice", f.Label.ToLowerInvariant()),
                _ => null,
            };
            if (error is not null)
                errors[f.Key] = error;
        }
        return errors;
    }

    /// <summary>The answers as officers read them: one display string per field key (dates dd/MM/yyyy, addresses in full).</summary>
    public static string ToFormDataJson(IReadOnlyList<FormFieldInfo> fields, DraftData data, IReadOnlyDictionary<int, string> unitNames)
    {
        var display = new Dictionary<string, string>();
        foreach (var f in fields)
        {
            string? text;
            if (f.Type == FormFieldType.Address)
                text = data.Addresses.GetValueOrDefault(f.Key) is { } a ? AddressText(a, unitNames) : null;
            else
            {
                text = TextRules.Normalize(data.Answers.GetValueOrDefault(f.Key));
                if (f.Type == FormFieldType.Date && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    text = d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            }
            if (!string.IsNullOrEmpty(text))
                display[f.Key] = text;
        }
        return JsonSerializer.Serialize(display, Json);
    }

    public static string AddressText(AddressAnswer a, IReadOnlyDictionary<int, string> unitNames) =>
        string.Join(", ", new[]
        {
            TextRules.Normalize(a.Street),
            a.WardId is int w ? unitNames.GetValueOrDefault(w) : null,
            a.DistrictId is int d ? unitNames.GetValueOrDefault(d) : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
}

using System.Globalization;
using System.Net.Mail;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data;
using FluentValidation;
using HcmcPortal.Domain;
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

public sealed class ApplicantInfo
{
    public string Name { get; set; } = "";
    public string Cccd { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
}

public sealed class AddressAnswer
{
    public int? DistrictId { get; set; }
    public int? WardId { get; set; }
    public string? Street { get; set; }
}

/// <summary>The applicant of an online submission (web form and API), by the shared person rules.</summary>
public sealed class ApplicantValidator : AbstractValidator<ApplicantInfo>
{
    public ApplicantValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).PersonName("Vui lòng nhập họ tên người nộp hồ sơ.");
        RuleFor(x => x.Cccd).CccdNumber(clock);
        RuleFor(x => x.Phone).PhoneNumber(required: false);
        RuleFor(x => x.Email).Email(required: false);
        RuleFor(x => x.Address).Address();
    }
}

/// <summary>Field-by-field checks with Vietnamese messages, keyed so that each message shows next to its field.</summary>
public static class FormRules
{
    // Vietnamese letters stay readable in the stored JSON.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    public const string DateFormat = "yyyy-MM-dd";

    public static class Keys
    {
        public const string Name = "Applicant.Name";
        public const string Cccd = "Applicant.Cccd";
        public const string Phone = "Applicant.Phone";
        public const string Email = "Applicant.Email";
        public const string Address = "Applicant.Address";
        public const string Unit = "Unit";
    }

    /// <summary>The applicant's fields by the shared <see cref="ApplicantValidator"/>, keyed "Applicant.&lt;field&gt;", and the receiving unit.</summary>
    public static Dictionary<string, string> ValidateApplicant(DraftData data, IValidator<ApplicantInfo> validator)
    {
        var errors = validator.Validate(data.Applicant).FirstErrors(field => "Applicant." + field);
        if (data.UnitId is null)
            errors[Keys.Unit] = "Vui lòng chọn cơ quan tiếp nhận hồ sơ.";
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
                        errors[f.Key] = $"Vui lòng nhập {f.Label.ToLowerInvariant()}.";
                }
                else if (address!.DistrictId is null || address.WardId is null || TextRules.IsBlank(address.Street))
                    errors[f.Key] = "Vui lòng chọn quận/huyện, phường/xã và nhập số nhà, tên đường.";
                else if (TextRules.Problem(address.Street, f.Label, TextLimits.Address) is { } streetProblem)
                    errors[f.Key] = streetProblem;
                continue;
            }
            var value = TextRules.Normalize(data.Answers.GetValueOrDefault(f.Key));
            if (TextRules.IsBlank(value))
            {
                if (f.Required)
                    errors[f.Key] = $"Vui lòng nhập {f.Label.ToLowerInvariant()}.";
                continue;
            }
            decimal number = 0;
            var error = TextRules.Problem(value!, f.Label, Math.Min(f.MaxLength ?? TextLimits.FormAnswer, TextLimits.FormAnswer), multiLine: true) ?? f.Type switch
            {
                FormFieldType.Number when !decimal.TryParse(value!.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out number)
                    => $"{f.Label} phải là một số.",
                FormFieldType.Number when number < f.MinValue => $"{f.Label} không được nhỏ hơn {f.MinValue.Value.ToString("0.####", CultureInfo.InvariantCulture)}.",
                FormFieldType.Number when number > f.MaxValue => $"{f.Label} không được lớn hơn {f.MaxValue.Value.ToString("0.####", CultureInfo.InvariantCulture)}.",
                FormFieldType.Cccd when Cccd.Validate(value, VietnamTime.Today(TimeProvider.System)) is { IsValid: false } cccd => $"{f.Label}: {cccd.Error}",
                FormFieldType.Phone when !PhoneNumbers.IsValid(value) => $"{f.Label}: {PersonRules.PhoneInvalid}",
                FormFieldType.Date when !DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    => $"{f.Label} không phải ngày hợp lệ (dd/MM/yyyy).",
                FormFieldType.Date when SupportedDates.Problem(DateOnly.ParseExact(value!, DateFormat, CultureInfo.InvariantCulture), f.Label) is { } outside
                    => outside,
                FormFieldType.Choice when !f.Options.Contains(value) => $"Vui lòng chọn {f.Label.ToLowerInvariant()} trong danh sách.",
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

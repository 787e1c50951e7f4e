using System.Globalization;
using System.Net.Mail;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Domain;

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
        public const string Unit = "Unit";
    }

    public static Dictionary<string, string> ValidateApplicant(DraftData data, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var a = data.Applicant;
        if (string.IsNullOrWhiteSpace(a.Name))
            errors[Keys.Name] = "Vui lòng nhập họ tên người nộp hồ sơ.";
        var cccd = Cccd.Validate(a.Cccd, today);
        if (!cccd.IsValid)
            errors[Keys.Cccd] = cccd.Error!;
        if (!string.IsNullOrWhiteSpace(a.Phone) && !PhoneNumbers.IsValid(a.Phone))
            errors[Keys.Phone] = PhoneNumbers.ErrorInvalid;
        if (!string.IsNullOrWhiteSpace(a.Email) && !MailAddress.TryCreate(a.Email.Trim(), out _))
            errors[Keys.Email] = "Thư điện tử không hợp lệ.";
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
                else if (address!.DistrictId is null || address.WardId is null || string.IsNullOrWhiteSpace(address.Street))
                    errors[f.Key] = "Vui lòng chọn quận/huyện, phường/xã và nhập số nhà, tên đường.";
                continue;
            }
            var value = data.Answers.GetValueOrDefault(f.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (f.Required)
                    errors[f.Key] = $"Vui lòng nhập {f.Label.ToLowerInvariant()}.";
                continue;
            }
            var error = f.Type switch
            {
                FormFieldType.Number when !decimal.TryParse(value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                    => $"{f.Label} phải là một số.",
                FormFieldType.Date when !DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    => $"{f.Label} không phải ngày hợp lệ (dd/MM/yyyy).",
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
                text = data.Answers.GetValueOrDefault(f.Key)?.Trim();
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
            a.Street?.Trim(),
            a.WardId is int w ? unitNames.GetValueOrDefault(w) : null,
            a.DistrictId is int d ? unitNames.GetValueOrDefault(d) : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
}

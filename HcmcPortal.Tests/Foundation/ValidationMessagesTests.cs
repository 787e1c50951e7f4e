using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Validation;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Issue 11 item 8: every validation message comes from the resources, in Vietnamese by default and in English when the
/// reader chose English; the validators are singletons, so the language is that of each validation, not of start-up.
/// </summary>
public sealed class ValidationMessagesTests
{
    private static readonly Regex VietnameseLetter = new("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase);
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly ApplicantValidator Applicant = new(Clock);

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private const string Overlong = "Nguyễn Văn An Nguyễn Văn An Nguyễn Văn An Nguyễn Văn An Nguyễn Văn An";

    /// <summary>Each validator with input that breaks each of its rules; every message is collected.</summary>
    private static List<string> AllMessages()
    {
        var messages = new List<string>();
        void Add<T>(IValidator<T> validator, T input) => messages.AddRange(validator.Validate(input).Errors.Select(e => e.ErrorMessage));
        Add(new RegistrationValidator(Clock), new RegistrationInput("", "07920300012A", "0412345678", "", ""));
        Add(new RegistrationValidator(Clock), new RegistrationInput("Nguyễn\0An", "079999000001", "+84 412", "not-an-address", new string('x', 200)));
        Add(new ProfileValidator(Clock), new ProfileInput("\u200B\u200C", "", "0912"));
        Add(new ProfileValidator(Clock), new ProfileInput("An \u202Ena", "0792030001", null));
        Add(Applicant, new ApplicantInfo { Name = "", Cccd = "079 203 000", Email = "a@b@c", Address = "!!!" });
        Add(Applicant, new ApplicantInfo { Name = "An\u0007", Cccd = "079203000123", Address = string.Concat(Enumerable.Repeat(Overlong, 10)) });
        Add(new SubmitRequestValidator(Applicant), new SubmitRequest(1, 1, DossierChannel.InPerson) { ApplicantName = " ", ApplicantCccd = "x", IdempotencyKey = "\0" });
        Add(new ActionRequestValidator(), new ActionRequest(Guid.Empty, Guid.Empty, DossierAction.Receive) { Note = "\uD800 lý do" });
        Add(new RatingValidator(), new RatingInput((SatisfactionLevel)99, "..."));
        messages.Add(ReportPeriod.Problem(new DateOnly(1800, 1, 1), new DateOnly(2025, 1, 1))!);
        messages.Add(ReportPeriod.Problem(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1))!);
        messages.Add(ReportPeriod.Problem(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1))!);
        ReportPeriod.Parse("2025-13-01", "x", out var malformed);
        messages.Add(malformed!);
        return messages;
    }

    [Fact]
    public void Every_validation_message_is_vietnamese_by_default_and_english_when_the_reader_chose_english()
    {
        var vietnamese = InCulture(PortalCultures.Vietnamese, AllMessages);
        var english = InCulture(PortalCultures.English, AllMessages);

        Assert.Equal(vietnamese.Count, english.Count);
        Assert.True(vietnamese.Count >= 25, $"only {vietnamese.Count} messages");
        Assert.Contains("Vui lòng nhập họ và tên.", vietnamese);
        Assert.Contains("Vui lòng nhập họ tên người nộp hồ sơ.", vietnamese);
        Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", vietnamese);
        Assert.Contains("Họ và tên chứa ký tự không hợp lệ (NUL).", vietnamese);
        Assert.Contains("Từ ngày phải trong khoảng 01/01/1900 – 31/12/2100.", vietnamese);
        Assert.Contains("The CCCD number must have exactly 12 digits.", english);
        Assert.Contains("Full name contains an invalid character (NUL).", english);
        Assert.Contains("Please enter the applicant's full name.", english);
        Assert.Contains("From date must be between 01/01/1900 and 31/12/2100.", english);
        Assert.All(english, message => Assert.False(VietnameseLetter.IsMatch(message), $"Vietnamese in English: {message}"));
        Assert.All(vietnamese.Zip(english), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void The_declared_answers_are_checked_in_the_readers_language_with_the_procedures_own_label()
    {
        FormFieldInfo Field(string key, FormFieldType type, params string[] options) => new(key, "Ngày sinh", type, true, options);
        var fields = new[] { Field("a", FormFieldType.Text), Field("b", FormFieldType.Number), Field("c", FormFieldType.Date), Field("d", FormFieldType.Choice, "Nam", "Nữ") };
        var data = new DraftData { Answers = { ["b"] = "mười", ["c"] = "2025-02-30", ["d"] = "Khác" } };

        var english = InCulture(PortalCultures.English, () => FormRules.ValidateAnswers(fields, data));
        var vietnamese = InCulture(PortalCultures.Vietnamese, () => FormRules.ValidateAnswers(fields, data));

        Assert.Equal("Please fill in: ngày sinh.", english["a"]);
        Assert.Equal("Ngày sinh must be a number.", english["b"]);
        Assert.Equal("Ngày sinh is not a valid date (dd/MM/yyyy).", english["c"]);
        Assert.Equal("Vui lòng chọn ngày sinh trong danh sách.", vietnamese["d"]);
    }

    [Fact]
    public void Every_validation_text_has_an_english_translation()
    {
        var folder = Path.Combine(PortalFactory.RepoRoot, "HcmcPortal", "Localization");
        Dictionary<string, string> Load(string file) => XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var vietnamese = Load("UiText.resx");
        var english = Load("UiText.en.resx");
        var keys = vietnamese.Keys.Where(k => k.StartsWith("Validation.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(english.GetValueOrDefault(key)), $"{key} has no English text"));
    }

    [Fact]
    public void Walk_in_and_web_form_name_the_applicants_fields_alike_from_the_one_applicant_validator()
    {
        var walkIn = new SubmitRequestValidator(Applicant).Validate(new SubmitRequest(1, 1, DossierChannel.InPerson)
        {
            ApplicantName = "", ApplicantCccd = "123", ApplicantPhone = "0412345678", ApplicantEmail = "x", ApplicantAddress = "\0",
        }).FirstErrors();
        var web = FormRules.ValidateApplicant(new DraftData
        {
            UnitId = 1,
            Applicant = new ApplicantInfo { Name = "", Cccd = "123", Phone = "0412345678", Email = "x", Address = "\0" },
        }, Applicant);

        Assert.Equal(new[] { FormRules.Keys.Name, FormRules.Keys.Cccd, FormRules.Keys.Phone, FormRules.Keys.Email, FormRules.Keys.Address }.Order(), walkIn.Keys.Order());
        Assert.Equal(web, walkIn);
    }
}

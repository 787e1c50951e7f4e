using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HcmcPortal.Accounts;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Admin.Settings;
using HcmcPortal.Admin.Users;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Feedback;
using HcmcPortal.Localization;
using HcmcPortal.Reports;
using HcmcPortal.Units;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Issue 11 item 8: what the dossier service, the upload checks, the feedback service and the administration (accounts,
/// catalogue, imports) answer, and the portal's metric titles, are in the reader's language; the Citizen App API and
/// the workbooks' contents stay Vietnamese, word for word as before.
/// </summary>
public sealed class ResultMessagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Citizen = "congdan@demo.hcmc.vn";
    private const string Admin = "quantri@demo.hcmc.vn";
    private static readonly Regex VietnameseLetter = new("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase);

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> read)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return await read(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }

    private static T InCulture<T>(string culture, Func<T> read) => InCultureAsync(culture, () => Task.FromResult(read())).GetAwaiter().GetResult();

    /// <summary>Three refusals of one dossier: a withdrawal without reason, a stale version, an officer's action by the citizen.</summary>
    private async Task<string?[]> RefusalsAsync(Actor actor, CommandResult submitted)
    {
        var service = portal.Get<DossierService>();
        var id = submitted.DossierId!.Value;
        return
        [
            (await service.ApplyAsync(actor, new ActionRequest(id, submitted.Version!.Value, DossierAction.Withdraw) { Note = " " })).Message,
            (await service.ApplyAsync(actor, new ActionRequest(id, Guid.NewGuid(), DossierAction.Withdraw) { Note = "Nộp nhầm" })).Message,
            (await service.ApplyAsync(actor, new ActionRequest(id, submitted.Version!.Value, DossierAction.Receive))).Message,
        ];
    }

    [Fact]
    public async Task The_dossier_services_refusals_are_in_the_readers_language()
    {
        var actor = await portal.ActorAsync(Citizen);
        var submitted = await portal.SubmitKhaiSinhAsync(actor);

        var vietnamese = await InCultureAsync(PortalCultures.Vietnamese, () => RefusalsAsync(actor, submitted));
        var english = await InCultureAsync(PortalCultures.English, () => RefusalsAsync(actor, submitted));

        Assert.Equal("Vui lòng nêu lý do rút hồ sơ.", vietnamese[0]);
        Assert.StartsWith($"Hồ sơ đã được cập nhật bởi {actor.Name} (Người nộp hồ sơ) lúc ", vietnamese[1]);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", vietnamese[2]);
        Assert.Equal("Please give the reason for withdrawing the dossier.", english[0]);
        // The person's name is data and stays as written; the applicant's role is told in English.
        Assert.StartsWith($"The dossier was updated by {actor.Name} (Applicant) at ", english[1]);
        Assert.Equal("You are not allowed to do this.", english[2]);
    }

    [Fact]
    public async Task The_api_answers_in_vietnamese_even_when_english_is_asked_for()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var code = (await client.SubmittedAsync(await portal.KhaiSinhSubmissionAsync())).GetProperty("code").GetString();

        var noReason = await (await client.PostAsync($"/api/v1/dossiers/{code}/withdraw?culture={PortalCultures.English}", null)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Vui lòng nêu lý do rút hồ sơ.", noReason.GetProperty("detail").GetString());
    }

    [Fact]
    public void Metric_titles_follow_the_reader_and_workbooks_keep_the_vietnamese_ones()
    {
        var onTime = PortalMetrics.Find(PortalMetrics.OnTimeRate)!;
        string[] Titles() => [.. PortalMetrics.All.Select(m => m.Title), .. Enum.GetValues<MetricPart>().Select(PortalMetrics.PartTitle)];

        var vietnamese = InCulture(PortalCultures.Vietnamese, Titles);
        var (english, workbookTitle, workbookPart) = InCulture(PortalCultures.English,
            () => (Titles(), onTime.VietnameseTitle, PortalMetrics.VietnamesePartTitle(MetricPart.FinishedOnTime)));

        Assert.Contains("Tỷ lệ hồ sơ giải quyết đúng hạn", vietnamese);
        Assert.Contains("Share of dossiers resolved on time", english);
        Assert.All(english, title => Assert.False(VietnameseLetter.IsMatch(title), $"Vietnamese in English: {title}"));
        Assert.All(vietnamese.Zip(english), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(("Tỷ lệ hồ sơ giải quyết đúng hạn", "Hồ sơ giải quyết đúng hạn"), (workbookTitle, workbookPart));
        Assert.Equal("Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
            InCulture(PortalCultures.Vietnamese, () => PortalMetrics.TitleOf(HcmcPortal.FeedbackReports.FeedbackFigures.OnTimeMetric)));
    }

    [Fact]
    public void Every_result_message_and_title_has_an_english_text_without_vietnamese_letters()
    {
        var folder = Path.Combine(PortalFactory.RepoRoot, "HcmcPortal", "Localization");
        Dictionary<string, string> Load(string file) => XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var english = Load("UiText.en.resx");
        string[] prefixes = ["Dossier.Result.", "Dossier.Upload.", "Units.Reception.", "Units.Import.Result.", "Reports.Metric.", "Reports.MetricPart.",
            "Admin_Audit.Entity.", "Admin_Audit.Action.", "Admin_Audit.LastChange.", "Admin_Users.Result.", "Admin_Catalogue.Result.", "Admin_Catalogue.Label.",
            "Admin_Settings.Result.", "Admin_Settings.Label.", "Feedback_Result_"];
        var keys = Load("UiText.resx").Keys.Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.True(keys.Count >= 200, $"only {keys.Count} keys");
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(english.GetValueOrDefault(key)), $"{key} has no English text"));
        Assert.All(keys, key => Assert.False(VietnameseLetter.IsMatch(english[key]), $"{key}: {english[key]}"));
    }

    [Fact]
    public void Upload_refusals_are_in_the_readers_language()
    {
        var rules = portal.Get<FileRules>();
        var form = new DocumentSlot(1, "Tờ khai", "jpg");
        string[] Refusals() =>
        [
            rules.Check("trong.pdf", []).Error!,
            rules.Check("anh.gif", "GIF89a"u8).Error!,
            rules.Check("to-khai.jpg", "%PDF-1.7"u8, form).Error!,
        ];

        var vietnamese = InCulture(PortalCultures.Vietnamese, Refusals);
        var english = InCulture(PortalCultures.English, Refusals);

        Assert.Equal(["Tệp «trong.pdf» rỗng.", "Tệp «anh.gif» không phải PDF, JPG hoặc PNG. Vui lòng chọn tệp đúng định dạng.",
            "Tệp «to-khai.jpg» không được nhận cho giấy tờ «Tờ khai»: giấy tờ này chỉ nhận tệp JPG (.jpg, .jpeg)."], vietnamese);
        // The document's name is data and stays as the catalogue wrote it.
        Assert.Equal(["The file «trong.pdf» is empty.", "The file «anh.gif» is not a PDF, JPG or PNG file. Please choose a file of the right type.",
            "The file «to-khai.jpg» is not accepted for the document «Tờ khai»: this document accepts only JPG files (.jpg, .jpeg)."], english);
    }

    [Fact]
    public async Task Feedback_refusals_are_in_the_readers_language()
    {
        var citizen = await portal.ActorAsync(Citizen);
        var service = portal.Get<FeedbackService>();
        var draft = new FeedbackDraft { Title = " ", Photos = [new UploadedFile("anh.gif", "GIF89a"u8.ToArray())] };
        async Task<(IReadOnlyDictionary<string, string> Fields, string? Message, string? NotFound)> RefusalsAsync()
        {
            var refused = await service.SubmitAsync(citizen, draft);
            var missing = await service.ActAsync(citizen, new FeedbackCommand(Guid.NewGuid(), Guid.NewGuid(), FeedbackAction.Reopen) { Note = "Chưa sửa" });
            return (refused.FieldErrors, refused.Message, missing.Message);
        }

        var vietnamese = await InCultureAsync(PortalCultures.Vietnamese, RefusalsAsync);
        var english = await InCultureAsync(PortalCultures.English, RefusalsAsync);

        Assert.Equal(("Vui lòng chọn lĩnh vực phản ánh.", "Vui lòng nhập tiêu đề phản ánh.", "Vui lòng kiểm tra các trường được đánh dấu.", "Không tìm thấy phản ánh."),
            (vietnamese.Fields["CategoryId"], vietnamese.Fields["Title"], vietnamese.Message, vietnamese.NotFound));
        Assert.Equal("Tệp «anh.gif» không phải ảnh JPG hoặc PNG. Vui lòng chọn ảnh chụp.", vietnamese.Fields["Photos"]);
        Assert.Equal(("Please choose the category of the report.", "Please type a title for the report.", "Please check the marked fields.", "Report not found."),
            (english.Fields["CategoryId"], english.Fields["Title"], english.Message, english.NotFound));
        Assert.Equal("The file «anh.gif» is not a JPG or PNG picture. Please choose a photo.", english.Fields["Photos"]);
        Assert.All(english.Fields.Values, m => Assert.False(VietnameseLetter.IsMatch(m), m));
    }

    [Fact]
    public async Task Administration_refusals_are_in_the_readers_language()
    {
        var admin = await portal.ActorAsync(Admin);
        var notAWorkbook = "không phải bảng tính"u8.ToArray();
        async Task<string[]> RefusalsAsync()
        {
            var procedure = new SaveProcedureValidator().Validate(new SaveProcedureCommand(null, null, new ProcedureDefinition()));
            var catalogue = await portal.Get<CatalogueWorkbook>().ImportAsync(admin, new MemoryStream(notAWorkbook));
            var officers = await portal.Get<OfficerWorkbook>().ImportAsync(admin, new MemoryStream(notAWorkbook));
            var units = await portal.Get<UnitImportService>().ImportAsync(admin, null, null, "31/02/2027");
            return [procedure.Errors[0].ErrorMessage, catalogue.Message!, officers.Errors.Single().Message, .. units.Errors];
        }

        var vietnamese = await InCultureAsync(PortalCultures.Vietnamese, RefusalsAsync);
        var english = await InCultureAsync(PortalCultures.English, RefusalsAsync);

        Assert.Equal(["Vui lòng nhập mã thủ tục.", "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.", "Tệp không phải bảng tính Excel (.xlsx) đọc được.",
            "Ngày hiệu lực không hợp lệ: nhập theo dạng dd/MM/yyyy, ví dụ 01/01/2027.",
            "Danh sách đơn vị: vui lòng chọn tệp CSV hoặc Excel (.xlsx).", "Bảng chuyển đổi: vui lòng chọn tệp CSV hoặc Excel (.xlsx)."], vietnamese);
        Assert.Equal(["Please enter the procedure code.", "The file is not a valid Excel workbook (.xlsx).", "The file is not a readable Excel workbook (.xlsx).",
            "The effective date is not valid: type it as dd/MM/yyyy, e.g. 01/01/2027.",
            "Unit list: please choose a CSV or Excel (.xlsx) file.", "Mapping: please choose a CSV or Excel (.xlsx) file."], english);
        Assert.Equal("You may manage only the officers of your own unit.", InCulture(PortalCultures.English, () => StaffScope.OutOfScope));

        // A settings budget names its field and groups the thousands as each language does.
        string BudgetRefusal() => new SettingsInputValidator().Validate(new SettingsInput { LookupPerClient = 0 })
            .Errors.First(e => e.PropertyName == nameof(SettingsInput.LookupPerClient)).ErrorMessage;
        Assert.Equal("Tra cứu: số lần mỗi máy phải từ 1 đến 100.000.", InCulture(PortalCultures.Vietnamese, BudgetRefusal));
        Assert.Equal("Lookup: requests per client must be from 1 to 100,000.", InCulture(PortalCultures.English, BudgetRefusal));
    }
}

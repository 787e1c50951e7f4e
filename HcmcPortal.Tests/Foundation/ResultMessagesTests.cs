using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HcmcPortal.Accounts;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Issue 11 item 8: what the dossier service answers (refusals, conflicts) and the portal's metric titles are in the
/// reader's language; the Citizen App API and the workbooks stay Vietnamese, word for word as before.
/// </summary>
public sealed class ResultMessagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Citizen = "congdan@demo.hcmc.vn";
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
        string[] prefixes = ["Dossier.Result.", "Units.Reception.", "Reports.Metric.", "Reports.MetricPart.", "Admin_Audit.Entity.", "Admin_Audit.Action."];
        var keys = Load("UiText.resx").Keys.Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.True(keys.Count >= 60, $"only {keys.Count} keys");
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(english.GetValueOrDefault(key)), $"{key} has no English text"));
        Assert.All(keys, key => Assert.False(VietnameseLetter.IsMatch(english[key]), $"{key}: {english[key]}"));
    }
}

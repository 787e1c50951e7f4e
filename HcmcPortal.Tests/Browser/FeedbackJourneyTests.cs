using System.Globalization;
using System.Text.RegularExpressions;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Feedback;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>
/// Issue 13 in real Chromium: a resident reports with a photo and a point on the map, the ward's officer accepts and
/// resolves with a photo of the result, the resident rates the answer and reopens the report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_reports_on_the_map_the_ward_resolves_with_evidence_the_resident_rates_and_reopens()
    {
        var (lat, lng) = FeedbackTestKit.InsideSaiGon;
        var citizen = await browser.SignedInPageAsync(FeedbackTestKit.Resident);
        var errors = new List<string>();
        citizen.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await citizen.GotoAsync($"/phan-anh/gui?lat={lat.ToString(CultureInfo.InvariantCulture)}&lng={lng.ToString(CultureInfo.InvariantCulture)}");
        await SelectAsync(citizen, "feedback-category", "Môi trường, vệ sinh");
        await citizen.Locator("[data-test=feedback-title]").FillAsync("Rác tồn đọng ở góc đường");
        await citizen.Locator("[data-test=feedback-description]").FillAsync("Rác để ở góc đường ba ngày chưa được thu gom, bốc mùi.");
        // The map opens on the link's point; a click in its middle picks that point and the server names the ward.
        var map = citizen.Locator("[data-test=feedback-map][data-map-ready=true]");
        await Expect(map).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await map.ClickAsync();
        await Expect(citizen.Locator("[data-test=located-unit]")).ToHaveTextAsync("Phường Sài Gòn");
        await UploadAsync(citizen.Locator("[data-test=feedback-photos]"), Jpeg("rac.jpg"));
        await Expect(citizen.Locator("[data-test=picked-photo]")).ToHaveCountAsync(1);
        await citizen.Locator("[data-test=feedback-submit]").ClickAsync();
        var code = (await citizen.Locator("[data-test=feedback-code]").InnerTextAsync()).Trim();
        Assert.Matches("^PA\\d{6}-", code);
        await Expect(citizen.Locator("[data-test=feedback-unit]")).ToHaveTextAsync("Phường Sài Gòn");

        // The ward's officer finds it in the unit's queue, accepts it, and resolves it with a photo of the result.
        var officer = await browser.SignedInPageAsync(FeedbackTestKit.SaiGonOfficer);
        await officer.GotoAsync("/can-bo/phan-anh");
        await officer.Locator("[data-test=feedback-search]").FillAsync(code);
        await officer.Locator("[data-test=feedback-queue-row]").Filter(new() { HasText = code }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(officer.Locator("[data-test=feedback-reporter]")).ToContainTextAsync("Nguyễn Văn An");
        await Expect(officer.Locator("[data-test=photos-report] [data-test=feedback-photo]")).ToHaveCountAsync(1);
        await officer.Locator("[data-test=choose-Accept]").ClickAsync();
        await officer.Locator("[data-test=action-send]").ClickAsync();
        await Expect(officer.Locator("[data-test=feedback-status]")).ToHaveTextAsync("Đang xử lý");
        await officer.Locator("[data-test=choose-Resolve]").ClickAsync();
        await officer.Locator("[data-test=action-note]").FillAsync("Đã thu gom rác và vệ sinh góc đường.");
        await UploadAsync(officer.Locator("[data-test=evidence-photos]"), Jpeg("ket-qua.jpg"));
        await Expect(officer.Locator("[data-test=picked-photo]")).ToHaveCountAsync(1);
        await officer.Locator("[data-test=action-send]").ClickAsync();
        await Expect(officer.Locator("[data-test=feedback-status]")).ToHaveTextAsync("Đã có kết quả");
        await Expect(officer.Locator("[data-test=photos-evidence] [data-test=feedback-photo]")).ToHaveCountAsync(1);

        // The resident sees the answer, is not satisfied, and reopens it: it goes back to the ward.
        await citizen.GotoAsync($"/phan-anh/cua-toi/{code}");
        await Expect(citizen.Locator("[data-test=feedback-answer]")).ToContainTextAsync("Đã thu gom rác");
        await citizen.Locator("[data-test=rate-not-satisfied]").ClickAsync();
        await citizen.Locator("[data-test=rate-reason]").FillAsync("Chiều nay rác lại bị đổ ra.");
        await citizen.Locator("[data-test=rate-send]").ClickAsync();
        await Expect(citizen.Locator("[data-test=feedback-rating]")).ToContainTextAsync("Không hài lòng");
        await citizen.Locator("[data-test=reopen-reason]").FillAsync("Rác vẫn còn ở góc đường.");
        await citizen.Locator("[data-test=reopen-send]").ClickAsync();
        await Expect(citizen.Locator("[data-test=feedback-status]")).ToHaveTextAsync("Đang xử lý");
        await Expect(citizen.Locator("[data-test=feedback-reopened]")).ToBeVisibleAsync();
        Assert.Empty(errors);

        await using var db = browser.Portal.CreateDb();
        var report = await db.FeedbackReports.AsNoTracking().SingleAsync(r => r.Code == code);
        Assert.Equal((FeedbackStatus.Accepted, 1, (bool?)false, (bool?)false), (report.Status, report.ReopenCount, report.Satisfied, report.ResolvedOnTime));
        Assert.Equal(2, await db.FeedbackPhotos.CountAsync(p => p.ReportId == report.Id));
    }

    private static FilePayload Jpeg(string name) => new() { Name = name, MimeType = "image/jpeg", Buffer = FeedbackTestKit.Photo(name).Data };

    private static async Task UploadAsync(ILocator picker, FilePayload file)
    {
        var input = picker.Locator("input[type=file]");
        await Expect(input).ToBeEnabledAsync();
        await input.SetInputFilesAsync(file);
    }

    /// <summary>Opens a MudSelect and picks the option with exactly this text.</summary>
    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-test={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}

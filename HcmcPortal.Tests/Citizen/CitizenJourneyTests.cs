using HcmcPortal.Data.Seed;
using System.Text.RegularExpressions;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Browser;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Citizen;

[Collection(BrowserCollection.Name)]
public sealed class CitizenJourneyTests(BrowserFixture browser)
{
    private const string Password = "Dung@12345";

    [Fact]
    public async Task A_new_citizen_finds_a_procedure_submits_online_answers_a_supplement_and_rates_the_result()
    {
        // Same patience as the browser context (20 s): on 2 shared cores a circuit or a grid load can take more than the 5 s default.
        SetDefaultExpectTimeout(20_000);
        var portal = browser.Portal;
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var mandatory = procedure.Documents.Where(d => d.Mandatory).ToList();
        var optional = procedure.Documents.First(d => !d.Mandatory);
        var email = $"ha.{Guid.NewGuid():N}"[..12] + "@example.vn";

        // Register.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#fullName", "Phạm Thu Hà");
        await page.FillAsync("#cccd", "079196001357");
        await page.FillAsync("#phone", "0912000111");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("[data-test=register-submit]");
        // Registration never says whether the address was taken: it asks to sign in with what was typed.
        await Expect(page.Locator("[data-test=registered]")).ToBeVisibleAsync();
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync("**/ho-so-cua-toi");

        // Search without diacritics and open the procedure.
        await page.GotoAsync("/thu-tuc");
        await Expect(page.Locator("[data-test=procedure-link]").First).ToBeVisibleAsync();
        await page.Locator("[data-test=catalogue-search]").FillAsync("khai sinh");
        await Expect(page.Locator("[data-test=procedure-link]:not(:has-text('khai sinh'))")).ToHaveCountAsync(0);
        await page.WaitForURLAsync("**/thu-tuc?q=khai%20sinh"); // the search is kept in the address
        await page.Locator("[data-test=procedure-link]", new() { HasTextRegex = new Regex("^Đăng ký khai sinh$") }).ClickAsync();
        await Expect(page.Locator("[data-test=procedure-name]")).ToHaveTextAsync("Đăng ký khai sinh");
        await page.ClickAsync("[data-test=start-submission]");

        // Step 1: applicant prefilled from the profile, receiving unit Phường Sài Gòn.
        await Expect(page.Locator("[data-test=step-next]")).ToBeEnabledAsync();
        await Expect(page.Locator("[data-test=applicant-name]")).ToHaveValueAsync("Phạm Thu Hà");
        await Expect(page.Locator("[data-test=applicant-cccd]")).ToHaveValueAsync("079196001357");
        await SelectAsync(page, "receiving-unit", "Phường Sài Gòn");
        await page.ClickAsync("[data-test=step-next]");

        // Step 2: the procedure's own fields; a missing answer is shown next to its field.
        await page.Locator("[data-test=field-childName] input").FillAsync("Nguyễn Bảo Ngọc");
        await page.ClickAsync("[data-test=step-next]");
        await Expect(page.Locator("[data-test=field-childSex] .field-error")).ToContainTextAsync("Vui lòng nhập giới tính");
        await Expect(page.Locator("[data-test=field-childName] input")).ToHaveValueAsync("Nguyễn Bảo Ngọc");
        await page.Locator("[data-test=field-childBirthDate] input").FillAsync("2026-01-15");
        await page.Locator("[data-test=field-childSex]").GetByText("Nữ", new() { Exact = true }).ClickAsync();
        await SelectAsync(page, "birthPlace-district", "Thành phố Hồ Chí Minh");
        await SelectAsync(page, "birthPlace-ward", null);
        await page.Locator("[data-test=birthPlace-street]").FillAsync("284 Cống Quỳnh");
        await page.Locator("[data-test=field-relationship]").GetByText("Mẹ", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("[data-test=step-next]");

        // Step 3: uploads, checked at once by their content; two files in the first slot.
        var firstSlot = page.Locator($"[data-test=slot-{mandatory[0].Id}]");
        await UploadAsync(firstSlot, Pdf("to-khai.pdf"), new FilePayload { Name = "to-khai-trang-2.png", MimeType = "image/png", Buffer = TestFiles.Png() });
        await Expect(firstSlot.Locator("[data-test=slot-file]")).ToHaveCountAsync(2);
        var secondSlot = page.Locator($"[data-test=slot-{mandatory[1].Id}]");
        await UploadAsync(secondSlot, new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await Expect(secondSlot.Locator("[data-test=slot-error]")).ToContainTextAsync("không phải PDF, JPG hoặc PNG");
        await Expect(firstSlot.Locator("[data-test=slot-file]")).ToHaveCountAsync(2);
        await UploadAsync(secondSlot, Pdf("giay-chung-sinh.pdf"));
        await Expect(secondSlot.Locator("[data-test=slot-file]")).ToHaveCountAsync(1);
        foreach (var doc in mandatory.Skip(2))
        {
            var slot = page.Locator($"[data-test=slot-{doc.Id}]");
            await UploadAsync(slot, Pdf($"giay-to-{doc.Id}.pdf"));
            await Expect(slot.Locator("[data-test=slot-file]")).ToHaveCountAsync(1);
        }
        await page.ClickAsync("[data-test=save-draft]");
        await Expect(page.Locator("[data-test=submit-message]")).ToContainTextAsync("Đã lưu bản nháp");

        // Resume the draft on another device.
        var other = await browser.SignedInPageAsync(email, Password);
        await other.GotoAsync("/ho-so-cua-toi");
        await Expect(other.Locator("[data-test=my-dossiers]")).ToContainTextAsync("Bạn chưa có hồ sơ nào.");
        // Starting the procedure again resumes its draft instead of opening a second one.
        await other.GotoAsync($"/nop-ho-so/{CitizenKit.KhaiSinh}");
        await other.WaitForURLAsync("**/nop-ho-so/nhap/**");
        await other.GotoAsync("/ho-so-cua-toi");
        await Expect(other.Locator("[data-test=resume-draft]")).ToHaveCountAsync(1);
        await other.ClickAsync("[data-test=resume-draft]");
        await Expect(other.Locator("[data-test=step-next]")).ToBeEnabledAsync();
        await Expect(other.Locator($"[data-test=slot-{mandatory[0].Id}] [data-test=slot-file]")).ToHaveCountAsync(2);
        await other.ClickAsync("[data-test=step-next]");
        await Expect(other.Locator("[data-test=review]")).ToContainTextAsync("Nguyễn Bảo Ngọc");
        await Expect(other.Locator("[data-test=review]")).ToContainTextAsync("15/01/2026");
        await Expect(other.Locator("[data-test=review]")).ToContainTextAsync("284 Cống Quỳnh");
        await other.ClickAsync("[data-test=submit-dossier]");
        await other.WaitForURLAsync("**/da-nop");

        // Confirmation: the legal code and status 1.
        var code = (await other.Locator("[data-test=dossier-code]").TextContentAsync())!.Trim();
        var agency = await AgencyOfQuan1Async(portal);
        Assert.Matches($"^{Regex.Escape(agency)}-\\d{{6}}-\\d{{4}}$", code);
        await Expect(other.Locator("[data-test=dossier-status]")).ToHaveTextAsync("1. Mới đăng ký");
        var dossierId = Guid.Parse(Regex.Match(other.Url, "ho-so-cua-toi/([0-9a-f-]{36})/da-nop").Groups[1].Value);
        await using (var db = portal.CreateDb())
            Assert.Equal(1, await db.Dossiers.CountAsync(d => d.Code == code));

        // Phường Sài Gòn receives it: the receipt (form 01) is offered.
        await portal.ActAsync("motcua.q1@demo.hcmc.vn", dossierId, await VersionAsync(portal, dossierId), DossierAction.Receive);
        await other.GotoAsync($"/ho-so-cua-toi/{dossierId}");
        await Expect(other.Locator("[data-test=receipt-link]")).ToHaveAttributeAsync("href", $"/in/01/{dossierId}");

        // What was declared shows, labelled as the form labels it, to the applicant, to the officer, and on paper.
        var declared = other.Locator("[data-test=declared-answer]");
        await Expect(declared.Filter(new() { HasText = "Họ, chữ đệm và tên của trẻ" })).ToContainTextAsync("Nguyễn Bảo Ngọc");
        await Expect(declared.Filter(new() { HasText = "Ngày, tháng, năm sinh" })).ToContainTextAsync("15/01/2026");
        await Expect(other.Locator("[data-test=declared-answers]")).ToContainTextAsync("284 Cống Quỳnh");
        var officer = await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn");
        await officer.GotoAsync($"/can-bo/ho-so/{dossierId}");
        await Expect(officer.Locator("[data-test=declaration] [data-test=declared-answers]")).ToContainTextAsync("Nguyễn Bảo Ngọc");
        await Expect(officer.Locator("[data-test=declaration] [data-test=declared-answers]")).ToContainTextAsync("284 Cống Quỳnh, Phường");
        foreach (var printed in new[] { $"/in/01/{dossierId}", $"/in/to-khai/{dossierId}" })
        {
            var html = await (await other.Context.APIRequest.GetAsync(printed)).TextAsync();
            Assert.Contains("Nguyễn Bảo Ngọc", html);
            Assert.Contains("15/01/2026", html);
        }
        await officer.Context.CloseAsync();

        // A supplement is asked for during processing; the citizen answers it in the browser.
        await portal.ActAsync("lanhdao.q1@demo.hcmc.vn", dossierId, await VersionAsync(portal, dossierId), DossierAction.Assign, assigneeEmail: "chuyenvien.q1@demo.hcmc.vn");
        await portal.ActAsync("chuyenvien.q1@demo.hcmc.vn", dossierId, await VersionAsync(portal, dossierId), DossierAction.RequestSupplementInProcessing,
            note: "Bổ sung bản sao Giấy chứng nhận kết hôn của cha, mẹ trẻ.");
        await other.ReloadAsync();
        await Expect(other.Locator("[data-test=dossier-status]")).ToHaveTextAsync("5. Yêu cầu bổ sung giấy tờ");
        await Expect(other.Locator("[data-test=supplement-request]")).ToContainTextAsync("Giấy chứng nhận kết hôn");
        await Expect(other.Locator("[data-test=submit-supplement]")).ToBeEnabledAsync();
        var supplementSlot = other.Locator($"[data-test=supplement] [data-test=slot-{optional.Id}]");
        await UploadAsync(supplementSlot, Pdf("giay-chung-nhan-ket-hon.pdf"));
        await Expect(supplementSlot.Locator("[data-test=slot-file]")).ToHaveCountAsync(1);
        await other.ClickAsync("[data-test=submit-supplement]");
        await Expect(other.Locator("[data-test=dossier-message]")).ToContainTextAsync("Đã nộp bổ sung");
        await Expect(other.Locator("[data-test=dossier-status]")).ToHaveTextAsync("2. Được tiếp nhận");

        // The officers finish; the citizen downloads the result and rates the service once.
        await portal.FinishAsync(dossierId, await VersionAsync(portal, dossierId), alreadyReceived: true);
        await other.ReloadAsync();
        await Expect(other.Locator("[data-test=dossier-status]")).ToHaveTextAsync("9. Đã xử lý xong");
        await Expect(other.Locator("[data-test=deadline-state]")).ToHaveTextAsync("Trả kết quả trước hạn");
        var download = await other.Locator("[data-test=result-download]").GetAttributeAsync("href");
        var result = await other.Context.APIRequest.GetAsync(download!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await result.BodyAsync()));
        await Expect(other.Locator("[data-test=submit-rating]")).ToBeEnabledAsync();
        await other.Locator("[data-test=rating]").GetByText("Hài lòng", new() { Exact = true }).ClickAsync();
        await other.Locator("[data-test=rating-comment]").FillAsync("Không phải đi lại lần nào.");
        await other.ClickAsync("[data-test=submit-rating]");
        await Expect(other.Locator("[data-test=rating-given]")).ToContainTextAsync("Hài lòng");
        await Expect(other.Locator("[data-test=submit-rating]")).ToHaveCountAsync(0);
        await using (var db = portal.CreateDb())
            Assert.Equal(SatisfactionLevel.Satisfied, (await db.Ratings.SingleAsync(r => r.DossierId == dossierId)).Level);
    }

    private static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = TestFiles.Pdf(name) };

    /// <summary>Opens a MudSelect and picks the option with exactly this text (or the first option).</summary>
    private static async Task SelectAsync(IPage page, string testId, string? option)
    {
        await page.Locator($"[data-test={testId}]").ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        var item = option is null ? items.First : items.Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task<string> AgencyOfQuan1Async(PortalFactory portal)
    {
        await using var db = portal.CreateDb();
        return await db.Units.Where(u => u.Id == portal.UnitIdAsync(DemoSeeder.SaiGonCode).Result).Select(u => u.AgencyCode).SingleAsync();
    }

    private static async Task<Guid> VersionAsync(PortalFactory portal, Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Version).SingleAsync();
    }

    /// <summary>Picks files in an upload slot once its input is enabled (it listens for changes from then on).</summary>
    private static async Task UploadAsync(ILocator slot, params FilePayload[] files)
    {
        var input = slot.Locator("input[type=file]").Last;
        await Expect(input).ToBeEnabledAsync();
        await input.SetInputFilesAsync(files);
    }
}

using System.Text.RegularExpressions;
using HcmcPortal.Data.Seed;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>Issue 15: a procedure made by an administrator on screen, used by a citizen and an officer, then edited.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture browser)
{
    private const string Code = "9.900015";

    [Fact]
    public async Task An_administrator_publishes_a_new_procedure_a_citizen_files_under_it_and_a_later_edit_leaves_that_dossier_on_its_version()
    {
        SetDefaultExpectTimeout(20_000);
        var portal = browser.Portal;

        // The administrator creates it: two documents, two fields of their own, two steps; the preview follows.
        var admin = await browser.SignedInPageAsync("quantri@demo.hcmc.vn");
        await admin.GotoAsync("/quan-tri/thu-tuc/moi");
        await Expect(admin.Locator("[data-test=catalogue-publish]")).ToBeEnabledAsync();
        await admin.FillAsync("[data-test=catalogue-code]", Code);
        await admin.FillAsync("[data-test=catalogue-name]", "Xác nhận diện tích đất thử nghiệm");
        await admin.FillAsync("[data-test=catalogue-field]", "Đất đai");
        await admin.ClickAsync("[data-test=add-document]");
        await admin.ClickAsync("[data-test=add-document]");
        await admin.Locator("[data-test=document-name]").Nth(0).FillAsync("Đơn đề nghị");
        await admin.Locator("[data-test=document-name]").Nth(1).FillAsync("Sơ đồ thửa đất");
        await admin.Locator("[data-test=document-mandatory]").Nth(1).ClickAsync(); // the plan is optional
        await admin.ClickAsync("[data-test=add-field]");
        await admin.ClickAsync("[data-test=add-field]");
        await admin.Locator("[data-test=field-label]").Nth(0).FillAsync("Diện tích đất");
        await SelectAsync(admin, admin.Locator("[data-test=field-type]").Nth(0), "Số");
        await admin.Locator("[data-test=field-label]").Nth(1).FillAsync("Mục đích sử dụng");
        await SelectAsync(admin, admin.Locator("[data-test=field-type]").Nth(1), "Lựa chọn");
        await admin.Locator("[data-test=field-options]").FillAsync("Đất ở|Đất nông nghiệp");
        await admin.Locator("[data-test=step-name]").Nth(0).FillAsync("Tiếp nhận, kiểm tra");
        await admin.Locator("[data-test=step-name]").Nth(1).FillAsync("Đo đạc, xác nhận");
        var preview = admin.Locator("[data-test=catalogue-preview]");
        await Expect(preview).ToContainTextAsync("Mục đích sử dụng");
        await Expect(preview).ToContainTextAsync("Đất nông nghiệp");
        await admin.ClickAsync("[data-test=catalogue-publish]");
        await Expect(admin.Locator("[data-test=catalogue-status]")).ToContainTextAsync("Đang công bố · phiên bản 1");
        int procedureId, planDocument, requestDocument;
        await using (var db = portal.CreateDb())
        {
            var p = await db.Procedures.Include(x => x.RequiredDocuments).SingleAsync(x => x.Code == Code);
            (procedureId, requestDocument, planDocument) = (p.Id, p.RequiredDocuments.Single(d => d.Name == "Đơn đề nghị").Id, p.RequiredDocuments.Single(d => d.Name == "Sơ đồ thửa đất").Id);
        }

        // A citizen files a dossier for it on the form the administrator built.
        var citizen = await browser.SignedInPageAsync("congdan2@demo.hcmc.vn");
        await citizen.GotoAsync($"/nop-ho-so/{Code}");
        await Expect(citizen.Locator("[data-test=step-next]")).ToBeEnabledAsync();
        await SelectAsync(citizen, citizen.Locator("[data-test=receiving-unit]"), "Phường Sài Gòn");
        await citizen.ClickAsync("[data-test=step-next]");
        await citizen.Locator("[data-test=field-dien_tich_dat] input").FillAsync("120");
        await citizen.Locator("[data-test=field-muc_dich_su_dung]").GetByText("Đất ở", new() { Exact = true }).ClickAsync();
        await citizen.ClickAsync("[data-test=step-next]");
        var slot = citizen.Locator($"[data-test=slot-{requestDocument}]");
        var input = slot.Locator("input[type=file]").Last;
        await Expect(input).ToBeEnabledAsync();
        await input.SetInputFilesAsync(new FilePayload { Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        await Expect(slot.Locator("[data-test=slot-file]")).ToHaveCountAsync(1);
        await Expect(citizen.Locator($"[data-test=slot-{planDocument}]")).ToBeVisibleAsync();
        await citizen.ClickAsync("[data-test=step-next]");
        await Expect(citizen.Locator("[data-test=review]")).ToContainTextAsync("120");
        await citizen.ClickAsync("[data-test=submit-dossier]");
        await citizen.WaitForURLAsync("**/da-nop");
        var dossierId = Guid.Parse(Regex.Match(citizen.Url, "ho-so-cua-toi/([0-9a-f-]{36})/da-nop").Groups[1].Value);

        // Phường Sài Gòn's desk receives it.
        var desk = await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn");
        await desk.GotoAsync($"/can-bo/ho-so/{dossierId}");
        await desk.ClickAsync("[data-test=action-Receive]");
        await desk.ClickAsync("[data-test=action-submit]");
        await Expect(desk.Locator("[data-test=timeline-entry][data-action=Receive]")).ToHaveCountAsync(1);
        await Expect(desk.Locator("[data-test=procedure-version]")).ToHaveTextAsync("phiên bản 1");

        // The administrator renames a field: a new version is in force, for new dossiers only.
        await admin.Locator("[data-test=field-label]").Nth(0).FillAsync("Diện tích đất (m²)");
        await admin.ClickAsync("[data-test=catalogue-save]");
        await Expect(admin.Locator("[data-test=catalogue-status]")).ToContainTextAsync("Đang công bố · phiên bản 2");
        await admin.GotoAsync($"/thu-tuc/{Code}");
        await Expect(admin.Locator("[data-test=procedure-version]")).ToContainTextAsync("Phiên bản đang áp dụng: 2");

        await desk.ReloadAsync();
        await Expect(desk.Locator("[data-test=procedure-version]")).ToHaveTextAsync("phiên bản 1");
        await Expect(desk.Locator("[data-test=declared-answer][data-key=dien_tich_dat] th")).ToHaveTextAsync("Diện tích đất");
        await using (var db = portal.CreateDb())
            Assert.Equal((procedureId, 1), await db.Dossiers.Where(d => d.Id == dossierId).Select(d => new ValueTuple<int, int>(d.ProcedureId, d.ProcedureVersion)).SingleAsync());
        foreach (var page in new[] { admin, citizen, desk })
            await page.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect and picks the option with exactly this text.</summary>
    private static async Task SelectAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}

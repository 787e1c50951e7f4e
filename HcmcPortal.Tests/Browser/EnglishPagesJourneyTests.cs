using HcmcPortal.Domain;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Officer;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>
/// Issue 11 item 8: in English, the main pages of every kind of user show no Vietnamese-only text. What people typed and the
/// names of units and procedures are data and stay Vietnamese: the pages mark them <c>lang="vi"</c> (which also tells a screen
/// reader how to pronounce them), and only those marked elements are skipped.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishPagesJourneyTests(BrowserFixture browser)
{
    // Every visible text node of the app bar, the menu and the main content, outside elements marked as Vietnamese data;
    // a word with a Vietnamese letter (ă â đ ê ô ơ ư or a tone mark) is reported with its page.
    private const string VietnameseWordsScript = """
        () => {
          const vietnamese = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
          const found = new Set();
          for (const root of document.querySelectorAll('header, .mud-drawer, main')) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              if (!element || element.closest('[lang]')?.lang.startsWith('vi') || !element.checkVisibility()) continue;
              for (const word of node.textContent.split(/\s+/))
                if (vietnamese.test(word)) found.add(node.textContent.trim().slice(0, 80));
            }
          }
          return [...found];
        }
        """;

    [Fact]
    public async Task In_English_the_main_pages_show_no_vietnamese_only_text()
    {
        SetDefaultExpectTimeout(20_000);
        var portal = browser.Portal;
        var id = await portal.SubmitOnlineToQuan1Async();
        await portal.ActAsync("motcua.q1@demo.hcmc.vn", id, await portal.VersionAsync(id), DossierAction.Receive);
        var problems = new List<string>();

        var visitor = await browser.NewPageAsync();
        await SwitchToEnglishAsync(visitor);
        await CheckAsync(visitor, "/", problems);
        await CheckAsync(visitor, "/thu-tuc", problems);
        await CheckAsync(visitor, "/thu-tuc/1.001193", problems);
        await CheckAsync(visitor, "/account/login", problems);
        await CheckAsync(visitor, "/account/register", problems);
        await CheckAsync(visitor, "/account/forgot-password", problems);
        await CheckAsync(visitor, "/tra-cuu", problems);
        await visitor.FillAsync("input[data-test=lookup-code]", "HS-KHONG-CO");
        await visitor.FillAsync("input[data-test=lookup-digits]", "0000");
        await visitor.ClickAsync("[data-test=lookup-submit]");
        await Expect(visitor.Locator("[data-test=lookup-message]")).ToBeVisibleAsync();
        problems.AddRange((await VietnameseWordsAsync(visitor)).Select(w => $"/tra-cuu (error): {w}"));
        await visitor.Context.CloseAsync();

        var citizen = await browser.SignedInPageAsync("congdan@demo.hcmc.vn");
        await SwitchToEnglishAsync(citizen);
        await CheckAsync(citizen, "/ho-so-cua-toi", problems);
        await CheckAsync(citizen, $"/ho-so-cua-toi/{id}", problems);
        await CheckAsync(citizen, "/nop-ho-so/1.000894", problems);
        // A step's refusals, in English: the applicant's name left empty (what the person typed elsewhere stays).
        await citizen.FillAsync("[data-test=applicant-name]", "");
        await citizen.ClickAsync("[data-test=step-next]");
        await Expect(citizen.GetByText("Please enter the applicant's full name.")).ToBeVisibleAsync();
        problems.AddRange((await VietnameseWordsAsync(citizen)).Select(w => $"/nop-ho-so (errors): {w}"));
        await CheckAsync(citizen, "/thong-bao", problems);
        await CheckAsync(citizen, "/tai-khoan", problems);
        await citizen.Context.CloseAsync();

        var officer = await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn");
        await SwitchToEnglishAsync(officer);
        await CheckAsync(officer, "/can-bo", problems);
        await CheckAsync(officer, "/can-bo/ho-so", problems);
        await CheckAsync(officer, $"/can-bo/ho-so/{id}", problems);
        await CheckAsync(officer, "/can-bo/tiep-nhan-truc-tiep", problems);
        await officer.Context.CloseAsync();

        var leader = await browser.SignedInPageAsync("lanhdao.tp@demo.hcmc.vn");
        await SwitchToEnglishAsync(leader);
        await CheckAsync(leader, "/bao-cao/chuyen-doi-so", problems);
        await CheckAsync(leader, "/bao-cao/chi-so-phuc-vu", problems);
        await CheckAsync(leader, "/bao-cao/thong-ke", problems);
        await leader.Context.CloseAsync();

        var unitLeader = await browser.SignedInPageAsync("lanhdao.q1@demo.hcmc.vn");
        await SwitchToEnglishAsync(unitLeader);
        await CheckAsync(unitLeader, "/cds/tu-danh-gia", problems);
        await unitLeader.Context.CloseAsync();

        var evaluator = await browser.SignedInPageAsync("danhgia.cds@demo.hcmc.vn");
        await SwitchToEnglishAsync(evaluator);
        await CheckAsync(evaluator, "/cds/tham-dinh", problems);
        await CheckAsync(evaluator, "/cds/bo-chi-so", problems);
        await evaluator.Context.CloseAsync();

        var admin = await browser.SignedInPageAsync("quantri@demo.hcmc.vn");
        await SwitchToEnglishAsync(admin);
        foreach (var path in new[] { "/quan-tri/nguoi-dung", "/quan-tri/don-vi", "/quan-tri/thu-tuc", "/quan-tri/thu-tuc/1", "/quan-tri/lich",
                     "/quan-tri/nhat-ky-du-lieu-ca-nhan", "/quan-tri/thiet-lap", "/quan-tri/nhat-ky" })
            await CheckAsync(admin, path, problems);
        await admin.Context.CloseAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task SwitchToEnglishAsync(IPage page)
    {
        await page.GotoAsync("/culture/en-GB?returnUrl=/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private static async Task CheckAsync(IPage page, string path, List<string> problems)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        await Expect(page.Locator("fieldset.awaiting-circuit")).ToHaveCountAsync(0); // as it is used, once live
        problems.AddRange((await VietnameseWordsAsync(page)).Select(w => $"{path}: {w}"));
    }

    private static async Task<string[]> VietnameseWordsAsync(IPage page) => await page.EvaluateAsync<string[]>(VietnameseWordsScript);
}

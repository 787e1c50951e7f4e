using System.Text.Json;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>
/// Issue 11 item 9: axe-core (vendored from npm, Browser/axe) on the main pages of each kind of user, residents' reports and
/// administration included, finds no serious or critical violation, each page has one h1 and headings that never skip a
/// level, and at phone width (390 px) nothing is wider than the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js");
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath));

    // The visible headings in document order: exactly one h1, and none more than one level below the heading before it
    // (the outline a screen-reader user jumps through; axe rates these "moderate", so they are checked here).
    private const string HeadingOrderScript = """
        () => {
          const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => h.checkVisibility());
          const problems = [];
          const ones = headings.filter(h => h.tagName === 'H1').length;
          if (ones !== 1) problems.push(ones + ' h1 headings');
          let previous = 0;
          for (const h of headings) {
            const level = Number(h.tagName[1]);
            if (level > previous + 1) problems.push('h' + level + ' "' + h.textContent.trim().slice(0, 40) + '" after h' + previous);
            previous = level;
          }
          return problems;
        }
        """;

    [Theory]
    [InlineData(null, new[] { "/", "/thu-tuc", "/tra-cuu", "/account/login", "/account/register", "/phan-anh" })]
    [InlineData("congdan@demo.hcmc.vn", new[] { "/ho-so-cua-toi", "/thong-bao", "/phan-anh/gui" })]
    [InlineData("motcua.q1@demo.hcmc.vn", new[] { "/can-bo", "/can-bo/tiep-nhan", "/can-bo/phan-anh" })]
    [InlineData("lanhdao.tp@demo.hcmc.vn", new[] { "/bao-cao/chuyen-doi-so", "/bao-cao/chi-so-phuc-vu", "/bao-cao/thong-ke" })]
    [InlineData("quantri@demo.hcmc.vn", new[] { "/quan-tri/nguoi-dung", "/quan-tri/thu-tuc/1", "/quan-tri/lich" })]
    public async Task Main_pages_have_no_serious_or_critical_axe_violation_and_fit_a_phone(string? email, string[] paths)
    {
        SetDefaultExpectTimeout(20_000);
        var page = email is null ? await browser.NewPageAsync() : await browser.SignedInPageAsync(email);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await OpenLiveAsync(page, path, 1280, 800);
            // Evaluated through the DevTools protocol, not as a <script> tag: the portal's CSP refuses inline scripts.
            await page.EvaluateAsync(AxeSource.Value);
            var json = await page.EvaluateAsync<string>(
                "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
                ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))");
            problems.AddRange(JsonSerializer.Deserialize<string[]>(json)!.Select(v => $"{path}: {v}"));
            problems.AddRange((await page.EvaluateAsync<string[]>(HeadingOrderScript)).Select(h => $"{path}: headings: {h}"));

            // Opened at phone size, as a phone opens it (a desktop window narrowed afterwards re-lays out over the circuit).
            await OpenLiveAsync(page, path, 390, 844);
            var overflow = await page.EvaluateAsync<string[]>(
                "() => document.documentElement.scrollWidth > innerWidth" +
                " ? [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)" +
                "     .slice(0, 5).map(e => e.tagName + '.' + String(e.className).slice(0, 50) + ' ends at ' + Math.round(e.getBoundingClientRect().right))" +
                " : []");
            if (overflow.Length > 0)
                problems.Add($"{path}: wider than a 390 px phone: {string.Join("; ", overflow)}");
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task OpenLiveAsync(IPage page, string path, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(path);
        await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        await Expect(page.Locator("fieldset.awaiting-circuit")).ToHaveCountAsync(0); // judged as it is used, once live
    }
}

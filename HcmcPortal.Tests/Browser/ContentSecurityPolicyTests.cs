using HcmcPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Browser;

/// <summary>Issue 10 item 7: the portal works in Chromium under its Content-Security-Policy, which the browser enforces.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pages_go_interactive_under_the_policy_without_a_violation_and_an_inline_script_is_refused()
    {
        var page = await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy"))
                violations.Add(message.Text);
        };

        // The policy is enforced: an inline script injected into the page does not run, and the browser reports it.
        await GoLiveAsync(page, "/");
        var ran = true;
        var refused = await page.RunAndWaitForConsoleMessageAsync(async () => ran = await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); return window.inlineRan === true; }
            """), new() { Predicate = m => m.Text.Contains("Content Security Policy") });
        Assert.False(ran);
        Assert.Contains("script-src", refused.Text);
        violations.Clear();

        // Public pages and the unit's dossiers (rows load over the live circuit).
        foreach (var url in new[] { "/thu-tuc", "/tra-cuu", "/can-bo/ho-so" })
            await GoLiveAsync(page, url);
        await Assertions.Expect(page.Locator("[data-test=open-dossier]").First).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    /// <summary>Opens a page and waits until its controls are enabled, which the layout does once the circuit is live.</summary>
    private static async Task GoLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("fieldset.awaiting-circuit")).ToHaveCountAsync(0);
    }
}

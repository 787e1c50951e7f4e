using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LookupPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Public_lookup_shows_status_only_and_limits_each_client_address()
    {
        await using var db = browser.Portal.CreateDb();
        var dossier = await db.Dossiers.Where(d => d.ReceivedAt != null).Select(d => new { d.Code, d.ApplicantCccd, d.ApplicantName }).FirstAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tra-cuu");
        // Typing before the circuit is live would not reach the server: the button is enabled once it is.
        await Assertions.Expect(page.Locator("[data-test=lookup-submit]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await page.Locator("input[data-test=lookup-code]").FillAsync(dossier.Code.ToLowerInvariant()); // typed in any case
        await page.Locator("input[data-test=lookup-digits]").FillAsync(dossier.ApplicantCccd[^4..]);
        await page.ClickAsync("[data-test=lookup-submit]");
        await Assertions.Expect(page.Locator("[data-test=lookup-status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=lookup-found-code]")).ToHaveTextAsync(dossier.Code);
        await Assertions.Expect(page.Locator("[data-test=lookup-procedure]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-test=lookup-result]")).Not.ToContainTextAsync(dossier.ApplicantName);

        // The live page knows the client's address, so the budget is this client's, not one shared "unknown" budget.
        await page.Locator("input[data-test=lookup-digits]").FillAsync("0000");
        for (var i = 1; i < LookupService.PermitsPerMinute; i++)
        {
            await page.ClickAsync("[data-test=lookup-submit]");
            await Assertions.Expect(page.Locator("[data-test=lookup-message]")).ToBeVisibleAsync();
        }
        await page.ClickAsync("[data-test=lookup-submit]");
        await Assertions.Expect(page.Locator("[data-test=lookup-message]")).ToContainTextAsync("quá nhiều lần");
        var limited = await browser.Portal.Get<LookupService>().LookupAsync("unknown", dossier.Code, dossier.ApplicantCccd[^4..]);
        Assert.Equal(LookupOutcome.Found, limited.Outcome);
    }
}

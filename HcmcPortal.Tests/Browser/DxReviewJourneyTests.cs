using HcmcPortal.Data;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DxReviewJourneyTests(BrowserFixture browser)
{
    private async Task<int> CountAsync(DeclarationStatus status)
    {
        await using var db = browser.Portal.CreateDb();
        var period = await db.DxPeriods.Where(p => p.Year == 2025).Select(p => p.Id).SingleAsync();
        return await db.DxDeclarations.CountAsync(d => d.PeriodId == period && d.Status == status && d.ReviewerId != null);
    }

    [Fact]
    public async Task Evaluator_accepts_one_declaration_and_corrects_another_with_a_reason()
    {
        var accepted = await CountAsync(DeclarationStatus.Accepted);
        var corrected = await CountAsync(DeclarationStatus.Corrected);
        var page = await browser.SignedInPageAsync("danhgia.cds@demo.hcmc.vn");
        await BrowserFixture.GotoInteractiveAsync(page, "/cds/tham-dinh");
        var first = page.Locator("[data-test=review-line]").First;
        await Expect(first).ToBeVisibleAsync();

        // Accept the first pending line; a click made before the circuit is live is lost, so repeat until it lands.
        for (var attempt = 0; attempt < 3 && await CountAsync(DeclarationStatus.Accepted) == accepted; attempt++)
        {
            await first.Locator("[data-test=review-accept]").ClickAsync();
            for (var wait = 0; wait < 40 && await CountAsync(DeclarationStatus.Accepted) == accepted; wait++)
                await page.WaitForTimeoutAsync(100);
        }
        Assert.Equal(accepted + 1, await CountAsync(DeclarationStatus.Accepted));

        // A correction without a reason is refused next to the line, and the typed rate stays.
        var line = page.Locator("[data-test=review-line]").First;
        await line.Locator("input[type=text], input:not([type])").First.FillAsync("55");
        await line.Locator("[data-test=review-correct]").ClickAsync();
        await Expect(line).ToContainTextAsync("Vui lòng ghi rõ lý do điều chỉnh.");
        await Expect(line.Locator("input").First).ToHaveValueAsync("55");
        await line.Locator("input").Nth(1).FillAsync("Minh chứng chỉ chứng minh 55% hộ gia đình.");
        await line.Locator("[data-test=review-correct]").ClickAsync();
        for (var wait = 0; wait < 50 && await CountAsync(DeclarationStatus.Corrected) == corrected; wait++)
            await page.WaitForTimeoutAsync(100);
        Assert.Equal(corrected + 1, await CountAsync(DeclarationStatus.Corrected));
    }
}

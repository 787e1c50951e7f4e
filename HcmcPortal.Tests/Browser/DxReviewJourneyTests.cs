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
        await page.GotoAsync("/cds/tham-dinh");

        // Accept the first pending line: it leaves the list of lines waiting for review.
        var first = page.Locator("[data-test=review-line]").First;
        var acceptedId = await first.GetAttributeAsync("data-declaration");
        await first.Locator("[data-test=review-accept]").ClickAsync();
        await Expect(page.Locator($"[data-test=review-line][data-declaration='{acceptedId}']")).ToHaveCountAsync(0);
        Assert.Equal(accepted + 1, await CountAsync(DeclarationStatus.Accepted));

        // A correction without a reason is refused next to the line, and the typed rate stays.
        var lineId = await page.Locator("[data-test=review-line]").First.GetAttributeAsync("data-declaration");
        var line = page.Locator($"[data-test=review-line][data-declaration='{lineId}']");
        await line.Locator("input[type=text], input:not([type])").First.FillAsync("55");
        await line.Locator("[data-test=review-correct]").ClickAsync();
        await Expect(line).ToContainTextAsync("Vui lòng ghi rõ lý do điều chỉnh.");
        await Expect(line.Locator("input").First).ToHaveValueAsync("55");
        await line.Locator("input").Nth(1).FillAsync("Minh chứng chỉ chứng minh 55% hộ gia đình.");
        await line.Locator("[data-test=review-correct]").ClickAsync();
        await Expect(line).ToHaveCountAsync(0);
        Assert.Equal(corrected + 1, await CountAsync(DeclarationStatus.Corrected));
    }
}

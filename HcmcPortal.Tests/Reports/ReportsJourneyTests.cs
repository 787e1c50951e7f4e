using HcmcPortal.Tests.Browser;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task City_leader_opens_the_ranking_drills_into_a_district_and_a_rate_and_a_dossier_and_downloads_Excel()
    {
        var page = await browser.SignedInPageAsync("lanhdao.tp@demo.hcmc.vn");
        // The ranking opens on the latest period with data: 2025 (declared, not yet published; 2026 has no declaration),
        // whose 168 commune-level units were not ranked in 2024, so each is "mới".
        await page.GotoAsync("/bao-cao/chuyen-doi-so");
        await Assertions.Expect(page.Locator("[data-test=dx-provisional]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=dx-row]")).ToHaveCountAsync(168, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=dx-rank-change]").First).ToHaveTextAsync("mới");

        // The service index ranks its units, shows each indicator's rate and ends with a row for all units.
        await page.GotoAsync("/bao-cao/chi-so-phuc-vu");
        await Assertions.Expect(page.Locator("[data-test=si-total-row]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=si-rank]").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-test=si-rate]").First).ToContainTextAsync("%");

        await page.GotoAsync("/bao-cao/chuyen-doi-so?period=2024");
        await Assertions.Expect(page.Locator("[data-test=dx-published]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=dx-row]")).ToHaveCountAsync(22);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=dx-excel]"));
        Assert.StartsWith("xep-hang-cds-2024-", download.SuggestedFilename);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        var first = page.Locator("[data-test=dx-open-unit]").First;
        var district = await first.InnerTextAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=dx-unit-name]")).ToHaveTextAsync(district);
        await Assertions.Expect(page.Locator("[data-test=radar-shape]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=dx-trend-row]").First).ToBeVisibleAsync();

        var denominator = page.Locator("[data-test=rate-denominator]").First;
        var count = await denominator.InnerTextAsync();
        await denominator.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/bao-cao/chi-tiet"));
        // The list holds exactly the dossiers counted on the district page.
        await Assertions.Expect(page.Locator("[data-test=drill-total]")).ToContainTextAsync($" {count} hồ sơ");
        await Assertions.Expect(page.Locator("[data-test=drill-grid] tbody tr").First).ToBeVisibleAsync();

        // A row opens the dossier, read-only for the leader, and "back" returns to the list.
        var dossier = page.Locator("[data-test=drill-open-dossier]").First;
        var code = await dossier.InnerTextAsync();
        await dossier.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/can-bo/ho-so/"));
        await Assertions.Expect(page.GetByText(code).First).ToBeVisibleAsync();
    }
}

using HcmcPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>The 168-unit map (issue 9 item 5) in real Chromium: drawn from the served GeoJSON, and a unit opens its page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnitMapJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_2025_ranking_map_draws_the_168_units_and_a_click_opens_the_unit_page()
    {
        var page = await browser.SignedInPageAsync("lanhdao.tp@demo.hcmc.vn");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/bao-cao/chuyen-doi-so?period=2025");
        await Expect(page.Locator("[data-test=dx-row]")).ToHaveCountAsync(168, new() { Timeout = 30_000 });
        var map = page.Locator("[data-test=unit-map][data-map-ready=true]");
        // Leaflet and 400 KB of boundaries load after the table; a slow shared machine needs more than the default 5 s.
        await Expect(map).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(errors);
        await Expect(map.Locator("path[data-unit]")).ToHaveCountAsync(168);
        await Expect(page.Locator("[data-test=unit-map-legend]")).ToContainTextAsync("Không có số liệu");
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("MIT");
        // The same figures are in the table below, one row per unit.
        await Expect(page.Locator("[data-test=dx-row]")).ToHaveCountAsync(168);

        // The first-ranked unit, clicked on the map, opens its DX page.
        var firstRow = page.Locator("[data-test=dx-row]").First;
        var code = await firstRow.GetAttributeAsync("data-unit");
        var name = await firstRow.Locator("[data-test=dx-open-unit]").InnerTextAsync();
        await map.Locator($"path[data-unit='{code}']").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.Contains($"/bao-cao/chuyen-doi-so/{code}"));
        await Expect(page.Locator("[data-test=dx-unit-name]")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-test=dx-measured-part]")).ToContainTextAsync("01/07/2025");
    }
}

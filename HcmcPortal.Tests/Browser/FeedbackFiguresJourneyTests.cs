using HcmcPortal.Feedback;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>
/// The read side of residents' reports in real Chromium (issue 13, "done when"): a report sent through the service
/// shows on the public map and list without sign-in, and the city leader finds it in the figures, on the maps and in
/// the list behind the figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackFiguresJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_report_is_public_and_the_leader_finds_it_in_the_figures_and_on_the_map()
    {
        var portal = browser.Portal;
        var citizen = await portal.ActorAsync(ApiClient.Citizen);
        // A point in Phường Sài Gòn (Nguyễn Huệ walking street); the unit in charge is found from it.
        var sent = await portal.Get<FeedbackService>().SubmitAsync(citizen, new FeedbackDraft
        {
            CategoryId = 2, Title = "Rác thải tồn đọng trên phố đi bộ", Description = "Rác để nhiều ngày chưa thu gom.",
            Latitude = 10.7745, Longitude = 106.7038, AnonymousToPublic = true,
        });
        Assert.True(sent.Code is not null, sent.Message);
        string unitCode;
        await using (var db = portal.CreateDb())
            unitCode = await db.FeedbackReports.Where(r => r.Code == sent.Code).Select(r => r.Unit!.Code).FirstAsync();

        // The public, without signing in: the report on the map (a linked point) and its public page.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/phan-anh");
        var publicMap = visitor.Locator("[data-test=public-feedback-map][data-map-ready=true]");
        await Expect(publicMap).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await publicMap.Locator($"path[data-report='{sent.Code}']").DispatchEventAsync("click");
        await visitor.WaitForURLAsync(url => url.EndsWith($"/phan-anh/{sent.Code}"));
        await Expect(visitor.Locator("[data-test=public-feedback-title]")).ToHaveTextAsync("Rác thải tồn đọng trên phố đi bộ");

        // The leader: the unit's figures include it, the choropleth paints the unit with its count, the heat map has points.
        var page = await browser.SignedInPageAsync("lanhdao.tp@demo.hcmc.vn");
        await page.GotoAsync("/bao-cao/phan-anh");
        var row = page.Locator($"[data-test=feedback-unit-row][data-unit='{unitCode}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var received = await row.Locator("a[data-part=Received]").InnerTextAsync();
        Assert.True(int.Parse(received.Replace(".", "").Replace(",", "")) >= 1);
        var choropleth = page.Locator("[data-test=unit-map][data-map-ready=true]");
        await Expect(choropleth).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(choropleth.Locator($"path[data-unit='{unitCode}']")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{received} phản ánh"));
        var heat = page.Locator("[data-test=feedback-heat-map][data-map-ready=true]");
        await Expect(heat).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(int.Parse((await heat.GetAttributeAsync("data-points"))!) >= 1);

        // Behind the figure: the list of the unit's reports, the new one first.
        await row.Locator("a[data-part=Received]").ClickAsync();
        await Expect(page.Locator("[data-test=feedback-drill-total]")).ToHaveTextAsync($"{received} phản ánh", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-test=feedback-drill-code]").First).ToHaveTextAsync(sent.Code!);
    }
}

using Microsoft.Playwright;

namespace HcmcPortal.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (no browser download: shared/stack.md).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    public BrowserPortalFactory Portal { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = Portal.ServerAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN" });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string email, string password = "Demo@12345")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

using HcmcPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_signs_in_through_the_real_page_and_sees_the_officer_menu()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Dịch vụ công trực tuyến");
        await page.ClickAsync("text=Đăng nhập");
        await page.FillAsync("#email", "motcua.q1@demo.hcmc.vn");
        await page.FillAsync("#password", "Demo@12345");
        await page.ClickAsync("[data-test=login-submit]");
        await Assertions.Expect(page.Locator("[data-test=signed-in-as]")).ToHaveTextAsync("Lê Thị Cúc");
        await Assertions.Expect(page.Locator("[data-test=nav-reception]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=nav-my-dossiers]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=nav-dx-framework]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Citizen_sees_only_the_citizen_menu()
    {
        var page = await browser.SignedInPageAsync("congdan@demo.hcmc.vn");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-test=nav-my-dossiers]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=nav-reception]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=nav-admin-users]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_shows_a_Vietnamese_message_and_keeps_the_email()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "congdan@demo.hcmc.vn");
        await page.FillAsync("#password", "sai-mat-khau");
        await page.ClickAsync("[data-test=login-submit]");
        await Assertions.Expect(page.Locator("[data-test=login-error]")).ToHaveTextAsync("Thư điện tử hoặc mật khẩu không đúng.");
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync("congdan@demo.hcmc.vn");
    }

    [Fact]
    public async Task Language_switch_turns_the_shell_English_and_back()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("[data-test=culture-switch]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Online public services");
        await page.ClickAsync("[data-test=culture-switch]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Dịch vụ công trực tuyến");
    }
}

using HcmcPortal.Domain;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Officer;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HcmcPortal.Tests.Browser;

/// <summary>Issue 11 item 2: the payment step leads somewhere for both sides, and no menu entry leads nowhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoDeadEndsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task At_payment_requested_the_citizen_sees_how_to_pay_and_the_desk_records_the_payment()
    {
        SetDefaultExpectTimeout(20_000);
        var portal = browser.Portal;
        var id = await portal.SubmitOnlineToQuan1Async("1.004873"); // 3,000 đ
        var received = await portal.ActAsync("motcua.q1@demo.hcmc.vn", id, await portal.VersionAsync(id), DossierAction.Receive);
        await portal.ActAsync("motcua.q1@demo.hcmc.vn", id, received.Version!.Value, DossierAction.RequestPayment, note: "Nộp lệ phí trước khi nhận kết quả.");
        var code = (await portal.LoadAsync(id)).Code;

        var citizen = await browser.SignedInPageAsync("congdan@demo.hcmc.vn");
        await citizen.GotoAsync($"/ho-so-cua-toi/{id}");
        await Expect(citizen.Locator("[data-test=dossier-status]")).ToHaveTextAsync("6. Yêu cầu thực hiện nghĩa vụ tài chính");
        await Expect(citizen.Locator("[data-test=payment-amount]")).ToHaveTextAsync("3.000 đ");
        await Expect(citizen.Locator("[data-test=payment-transfer]")).ToContainTextAsync(code);
        await Expect(citizen.Locator("[data-test=payment-next]")).ToContainTextAsync("tiếp tục giải quyết");

        var desk = await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn");
        await desk.GotoAsync($"/can-bo/ho-so/{id}");
        await desk.ClickAsync("[data-test=action-ConfirmPayment]");
        await Expect(desk.Locator("[data-test=field-paid-amount]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^3[.,]?000$")); // the fee asked for
        await desk.ClickAsync("[data-test=action-submit]");
        await Expect(desk.Locator(".mud-input-control", new() { Has = desk.Locator("[data-test=field-receipt-number]") }))
            .ToContainTextAsync("Vui lòng nhập số biên lai."); // beside its field, nothing sent
        await desk.FillAsync("[data-test=field-receipt-number]", "BL-000777");
        await desk.Locator("[data-test=action-form]").GetByText("Chuyển khoản", new() { Exact = true }).ClickAsync();
        await desk.ClickAsync("[data-test=action-submit]");
        await Expect(desk.Locator("[data-test=timeline-entry][data-action=ConfirmPayment]"))
            .ToContainTextAsync("Đã nhận khoản phí, lệ phí 3.000 đ (chuyển khoản), biên lai số BL-000777.");
        await Expect(desk.Locator("[data-test=payment-received]")).ToContainTextAsync("BL-000777");
        await Expect(desk.Locator("[data-test=action-RequestPayment]")).ToBeVisibleAsync(); // fee procedure, back in processing

        await citizen.ReloadAsync();
        await Expect(citizen.Locator("[data-test=dossier-status]")).ToHaveTextAsync("4. Đang xử lý");
        await Expect(citizen.Locator("[data-test=payment]")).ToHaveCountAsync(0);
        await citizen.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    [Theory]
    [InlineData("congdan@demo.hcmc.vn")]
    [InlineData("motcua.q1@demo.hcmc.vn")]
    [InlineData("chuyenvien.q1@demo.hcmc.vn")]
    [InlineData("lanhdao.q1@demo.hcmc.vn")]
    [InlineData("lanhdao.tp@demo.hcmc.vn")]
    [InlineData("danhgia.cds@demo.hcmc.vn")]
    [InlineData("quantri@demo.hcmc.vn")]
    public async Task Every_menu_entry_opens_a_page_the_role_can_use(string email)
    {
        SetDefaultExpectTimeout(20_000);
        var page = await browser.SignedInPageAsync(email);
        await page.GotoAsync("/");
        var links = page.Locator("[data-test=nav-menu] a[href]");
        await Expect(links.First).ToBeVisibleAsync();
        var entries = await links.EvaluateAllAsync<string[][]>("as => as.map(a => [a.getAttribute('href'), a.textContent.trim()])");
        var problems = new List<string>();
        foreach (var (href, title) in entries.Select(e => (e[0], e[1])).Where(e => e.Item1 != "/").Distinct())
        {
            await page.GotoAsync(href);
            var heading = page.Locator("main h1").First;
            await Expect(heading).ToBeVisibleAsync();
            // The page's title is the menu entry's: a person finds where the menu said they would go.
            if ((await heading.TextContentAsync())?.Trim() != title)
                problems.Add($"{href}: menu «{title}», page «{await heading.TextContentAsync()}»");
            foreach (var deadEnd in new[] { "access-denied", "error-boundary", "self-no-unit" })
                if (await page.Locator($"[data-test={deadEnd}]").CountAsync() > 0)
                    problems.Add($"{href}: {deadEnd}");
        }
        Assert.True(problems.Count == 0, $"{email}: " + string.Join("; ", problems));
        await page.Context.CloseAsync();
    }
}

using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Browser;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HcmcPortal.Tests.Officer;

/// <summary>
/// One dossier from the reception queue to its return, through the real pages, with the Quận 1 officers; then the
/// applicant's own (VisibleTo-scoped) view of the audit trail shows every step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficerJourneyTests(BrowserFixture browser)
{
    private PortalFactory Portal => browser.Portal;

    /// <summary>Opens the dossier from a queue page (its code is a link to the dossier's own page) and waits for its workspace.</summary>
    private static async Task<IPage> OpenFromQueueAsync(IPage page, string url, string code, string? tab = null)
    {
        await page.GotoAsync(url);
        if (tab is not null)
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        // Every queue can be searched: the code finds this dossier once, and its code is a link to its own page.
        await page.Locator("[data-test=filter-search]:visible").FillAsync(code);
        await Assertions.Expect(page.Locator($"[data-test=open-dossier][data-code='{code}']:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"[data-test=open-dossier][data-code='{code}']:visible")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/can-bo/ho-so/"));
        await page.Locator($"[data-test=open-dossier][data-code='{code}']:visible").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/can-bo/ho-so/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator($"[data-test=workspace][data-code='{code}']")).ToBeVisibleAsync();
        return page;
    }

    private static async Task ChooseActionAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-test=action-{action}]");
        await Assertions.Expect(page.Locator("[data-test=action-submit]")).ToBeVisibleAsync();
    }

    private static async Task ActAsync(IPage page, string action, string expectedStage)
    {
        await ChooseActionAsync(page, action);
        await page.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(page.Locator("[data-test=action-message]")).ToContainTextAsync("Đã thực hiện");
        await Assertions.Expect(page.Locator("[data-test=dossier-stage]")).ToHaveTextAsync(expectedStage);
    }

    [Fact]
    public async Task A_dossier_goes_from_the_reception_queue_through_assignment_appraisal_and_approval_to_its_return()
    {
        var id = await Portal.SubmitOnlineToQuan1Async();
        var code = (await Portal.LoadAsync(id)).Code;

        // Reception: the document is shown in the page, then the dossier is received.
        var desk = await OpenFromQueueAsync(await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn"), "/can-bo/tiep-nhan", code);
        await Assertions.Expect(desk.Locator("[data-test=file-viewer] iframe")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/"));
        await ActAsync(desk, "Receive", "Đã tiếp nhận");
        await Assertions.Expect(desk.Locator("[data-test=action-print]")).ToHaveAttributeAsync("href", $"/in/01/{id}");

        // The unit leader assigns it to the unit's specialist.
        var leader = await OpenFromQueueAsync(await browser.SignedInPageAsync("lanhdao.q1@demo.hcmc.vn"), "/can-bo/phan-cong", code);
        await ChooseActionAsync(leader, "Assign");
        await leader.Locator("[data-test=field-assignee]").ClickAsync();
        await leader.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Hoàng Minh Đức" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await leader.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(leader.Locator("[data-test=dossier-stage]")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(leader.Locator("[data-test=assigned]")).ToHaveTextAsync("Hoàng Minh Đức");

        // The specialist records a verification note and proposes the result with its document.
        var specialist = await OpenFromQueueAsync(await browser.SignedInPageAsync("chuyenvien.q1@demo.hcmc.vn"), "/can-bo/viec-cua-toi", code);
        await ChooseActionAsync(specialist, "Verify");
        await specialist.Locator("textarea[data-test=field-note], [data-test=field-note] textarea").FillAsync("Đã đối chiếu bản chính giấy tờ tùy thân.");
        await specialist.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(specialist.Locator("[data-test=timeline-entry][data-action=Verify]")).ToBeVisibleAsync();
        await ChooseActionAsync(specialist, "ProposeResult");
        // The file input is enabled once it listens for changes (ReadyInputFile).
        var filesInput = specialist.Locator("[data-test=field-files]");
        await Assertions.Expect(filesInput).ToBeEnabledAsync();
        await filesInput.SetInputFilesAsync(new FilePayload { Name = "giay-chung-nhan.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        var picked = specialist.Locator("[data-test=picked-file]");
        await Assertions.Expect(picked.First).ToHaveTextAsync("giay-chung-nhan.pdf");
        await specialist.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(specialist.Locator("[data-test=dossier-stage]")).ToHaveTextAsync("Chờ phê duyệt");

        // The leader approves.
        var approver = await OpenFromQueueAsync(await browser.SignedInPageAsync("lanhdao.q1@demo.hcmc.vn"), "/can-bo/phe-duyet", code);
        await ActAsync(approver, "Approve", "Đã có kết quả");

        // Reception hands the result back.
        var returnDesk = await OpenFromQueueAsync(await browser.SignedInPageAsync("motcua.q1@demo.hcmc.vn"), "/can-bo/tiep-nhan", code, tab: "Chờ trả kết quả");
        await ActAsync(returnDesk, "Return", "Đã trả kết quả");
        await Assertions.Expect(returnDesk.Locator("[data-test=timeline-entry]")).ToHaveCountAsync(7);

        // The applicant's own page shows each step, by unit only, and each status change notified them.
        var citizenPage = await browser.SignedInPageAsync("congdan@demo.hcmc.vn");
        await citizenPage.GotoAsync($"/ho-so-cua-toi/{id}");
        var steps = citizenPage.Locator("[data-test=timeline] [data-test=timeline-action]");
        await Assertions.Expect(steps).ToHaveCountAsync(7);
        await Assertions.Expect(steps.Last).ToContainTextAsync("Đã trả kết quả");
        await Assertions.Expect(citizenPage.Locator("[data-test=timeline]")).Not.ToContainTextAsync("Hoàng Minh Đức");
        await Assertions.Expect(citizenPage.Locator("[data-test=timeline]")).ToContainTextAsync("Thẩm tra, xác minh hồ sơ");
        var citizen = await Portal.ActorAsync("congdan@demo.hcmc.vn");
        await using var db = Portal.CreateDb();
        var notified = await db.Notifications.Where(n => n.DossierId == id && n.UserId == citizen.UserId).Select(n => n.Title).ToListAsync();
        Assert.Equal(["Đã nộp hồ sơ", "Được tiếp nhận", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"], notified);
    }
}

using System.Net;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Officer;

/// <summary>
/// Unit scope by URL (domain.md §1): motcua.q3 cannot open, list, print or act on a Quận 1 dossier; the Quận 1 desk and
/// the applicant can. Also the printed forms' content.
/// </summary>
public sealed class OfficerScopeAndFormsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>A Quận 1 dossier of congdan, received (so form 01 exists), and one of its files.</summary>
    private async Task<(Guid Id, string Code, Guid FileId)> ReceivedQuan1DossierAsync()
    {
        var id = await portal.SubmitOnlineToQuan1Async();
        await portal.ApplyOkAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), id, DossierAction.Receive);
        await using var db = portal.CreateDb();
        var code = await db.Dossiers.Where(d => d.Id == id).Select(d => d.Code).SingleAsync();
        var file = await db.Files.Where(f => f.DossierId == id).Select(f => f.Id).FirstAsync();
        return (id, code, file);
    }

    [Fact]
    public async Task Another_units_officer_cannot_open_print_download_list_or_act_on_the_dossier()
    {
        var (id, code, fileId) = await ReceivedQuan1DossierAsync();
        var q3 = await SignedInAsync("motcua.q3@demo.hcmc.vn");

        var page = await q3.GetStringAsync($"/can-bo/ho-so/{id}");
        Assert.DoesNotContain(code, page);
        Assert.Contains("Không tìm thấy hồ sơ", page);
        foreach (var form in new[] { "01", "02", "03", "04", "05" })
            Assert.Equal(HttpStatusCode.NotFound, (await q3.GetAsync($"/in/{form}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await q3.GetAsync($"/files/{fileId}")).StatusCode);
        Assert.DoesNotContain(code, await q3.GetStringAsync("/in/06"));

        var q3Actor = await portal.ActorAsync("motcua.q3@demo.hcmc.vn");
        var queries = portal.Services.GetRequiredService<OfficerQueries>();
        Assert.Equal(0, (await queries.ListAsync(q3Actor, OfficerQueue.Unit, new DossierFilter { Search = code }, null, false, 0, 10)).Total);
        Assert.Null(await queries.DetailAsync(q3Actor, id));
        var version = await portal.VersionAsync(id);
        foreach (var action in new[] { DossierAction.Refuse, DossierAction.Return, DossierAction.Withdraw })
            Assert.Equal(CommandStatus.NotFound, (await portal.Dossiers().ApplyAsync(q3Actor, new ActionRequest(id, version, action) { Note = "x" })).Status);
        Assert.Equal(CommandStatus.NotFound, (await portal.Dossiers().RecordVerificationAsync(q3Actor, id, version, "x")).Status);
        Assert.Equal(CommandStatus.NotFound, (await portal.Dossiers().ReappointAsync(q3Actor, id, version, DateTime.Today.AddDays(30), "x")).Status);
        Assert.Equal(DossierStatus.Received, (await portal.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_units_desk_opens_the_dossier_and_prints_the_receipt_with_the_code_and_its_QR_code()
    {
        var (id, code, fileId) = await ReceivedQuan1DossierAsync();
        var q1 = await SignedInAsync("motcua.q1@demo.hcmc.vn");

        var page = await q1.GetStringAsync($"/can-bo/ho-so/{id}");
        Assert.Contains(code, page);
        Assert.Contains($"/files/{fileId}", page); // the first document is shown in the page

        var receipt = await q1.GetAsync($"/in/01/{id}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var html = await receipt.Content.ReadAsStringAsync();
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", html.ToUpperInvariant());
        Assert.Contains(code, html);
        Assert.Contains("<svg", html);
        Assert.Contains("size: A5", html);
        var due = (await portal.LoadAsync(id)).DueAt!.Value;
        Assert.Contains(VietnamTime.FormatDateTime(due), html);

        var slip = await q1.GetStringAsync($"/in/05/{id}");
        Assert.Contains("Phiếu kiểm soát quá trình giải quyết hồ sơ", slip);
        Assert.Contains(code, await (await SignedInAsync("lanhdao.tp@demo.hcmc.vn")).GetStringAsync($"/in/05/{id}"));
        Assert.Contains("Tiếp nhận hồ sơ — Lê Thị Cúc", slip);
        Assert.Contains("Đúng hạn", slip);

        var log = await q1.GetStringAsync("/in/06?from=2020-01-01&to=2020-02-01");
        Assert.Contains("size: A4", log);
        Assert.Contains("Sổ theo dõi hồ sơ", log);
        Assert.Contains("tối đa 92 ngày", await q1.GetStringAsync("/in/06?from=2020-01-01&to=2020-12-31"));
        Assert.Contains(code, await q1.GetStringAsync($"/in/06?from={VietnamTime.Today(TimeProvider.System).AddDays(-1):yyyy-MM-dd}&to={VietnamTime.Today(TimeProvider.System):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task The_applicant_opens_forms_01_to_04_of_their_own_dossier_only()
    {
        var (id, code, _) = await ReceivedQuan1DossierAsync();
        var owner = await SignedInAsync("congdan@demo.hcmc.vn");
        Assert.Contains(code, await owner.GetStringAsync($"/in/01/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/in/05/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/in/03/{id}")).StatusCode); // not refused: no such form yet
        var stranger = await SignedInAsync("congdan2@demo.hcmc.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/in/01/{id}")).StatusCode);
        var officerPage = await owner.GetAsync($"/can-bo/ho-so/{id}"); // officer pages are not for applicants
        Assert.DoesNotContain(code, await officerPage.Content.ReadAsStringAsync());
    }
}

using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Forms;
using HcmcPortal.Officer;
using HcmcPortal.Privacy;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Privacy;

/// <summary>Issue 10 item 9 (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the access log, the citizen's view of it, the data download, the evaluator's redaction.</summary>
public sealed class PersonalDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Citizen = "congdan@demo.hcmc.vn";
    private const string Reception = "motcua.q1@demo.hcmc.vn";
    private const string Evaluator = "danhgia.cds@demo.hcmc.vn";
    private const string Admin = "quantri@demo.hcmc.vn";

    private async Task<(Guid Id, string Code, Guid FileId)> SubmittedAsync(bool received = false)
    {
        var result = await portal.SubmitKhaiSinhAsync(await portal.ActorAsync(Citizen));
        if (received)
            Assert.True((await portal.ActAsync(Reception, result.DossierId!.Value, result.Version!.Value, DossierAction.Receive)).Succeeded);
        await using var db = portal.CreateDb();
        var file = await db.Files.Where(f => f.DossierId == result.DossierId).Select(f => f.Id).FirstAsync();
        return (result.DossierId!.Value, result.Code!, file);
    }

    private async Task<List<PersonalDataAccess>> LogOfAsync(Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.PersonalDataAccesses.AsNoTracking().Where(a => a.DossierId == dossierId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Staff_views_are_logged_at_the_services_and_the_applicant_sees_unit_role_and_time_but_no_name()
    {
        var (id, code, fileId) = await SubmittedAsync();
        var officer = await portal.ActorAsync(Reception);
        var citizen = await portal.ActorAsync(Citizen);

        // The applicant's own views are not logged.
        Assert.NotNull(await portal.Get<MyDossierService>().DetailAsync(citizen, id));
        var owner = portal.CreateClient();
        await owner.SignInAsync(Citizen);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/files/{fileId}")).StatusCode);
        Assert.Empty(await LogOfAsync(id));

        Assert.NotNull(await portal.Get<OfficerQueries>().DetailAsync(officer, id));
        var staff = portal.CreateClient();
        await staff.SignInAsync(Reception);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/files/{fileId}?download=1")).StatusCode);
        var today = VietnamTime.Today(TimeProvider.System);
        Assert.Contains(await portal.Get<TrackingLogQuery>().ListAsync(officer, today.AddDays(-1), today), r => r.Code == code);

        var log = await LogOfAsync(id);
        Assert.Equal([PersonalDataScreens.OfficerDossier, PersonalDataScreens.File, PersonalDataScreens.TrackingLog], log.Select(a => a.Screen));
        Assert.All(log, a => Assert.Equal((officer.UserId, code, officer.UnitName), (a.UserId, a.DossierCode, a.UnitName)));
        Assert.EndsWith(".pdf", log[1].Detail);

        var viewers = await portal.Get<PersonalDataAccessQueries>().ViewersAsync(citizen, id);
        Assert.Equal(3, viewers.Count);
        Assert.All(viewers, v => Assert.Equal((Roles.DisplayName(Roles.Reception), officer.UnitName), (v.Role, v.UnitName)));
        var page = await owner.GetStringAsync($"/ho-so-cua-toi/{id}");
        Assert.Contains(Roles.DisplayName(Roles.Reception), page);
        Assert.DoesNotContain(officer.Name, page);

        // Nobody else reads the list of viewers.
        Assert.Empty(await portal.Get<PersonalDataAccessQueries>().ViewersAsync(await portal.ActorAsync("congdan2@demo.hcmc.vn"), id));
    }

    [Fact]
    public async Task The_access_log_is_append_only()
    {
        var (id, _, _) = await SubmittedAsync();
        await portal.Get<OfficerQueries>().DetailAsync(await portal.ActorAsync(Reception), id);

        await using (var db = portal.CreateDb())
        {
            var row = await db.PersonalDataAccesses.FirstAsync(a => a.DossierId == id);
            row.UserName = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = portal.CreateDb())
        {
            db.PersonalDataAccesses.Remove(await db.PersonalDataAccesses.FirstAsync(a => a.DossierId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        var kept = Assert.Single(await LogOfAsync(id));
        Assert.NotEqual("someone else", kept.UserName);
    }

    [Fact]
    public async Task The_DX_evaluator_sees_dossiers_without_identity_papers_and_files_while_a_city_leader_sees_them()
    {
        var (id, _, fileId) = await SubmittedAsync(received: true);
        var queries = portal.Get<OfficerQueries>();

        var evaluator = await queries.DetailAsync(await portal.ActorAsync(Evaluator), id, PersonalDataScreens.PrintedForm);
        Assert.NotNull(evaluator);
        Assert.Equal("", evaluator.ApplicantCccd);
        Assert.Null(evaluator.ApplicantPhone);
        Assert.Null(evaluator.ApplicantAddress);
        Assert.Null(evaluator.ApplicantEmail);
        Assert.Empty(evaluator.Files);
        Assert.Equal("{}", evaluator.FormDataJson);
        Assert.False(string.IsNullOrEmpty(evaluator.ApplicantName));

        var leader = await queries.DetailAsync(await portal.ActorAsync("lanhdao.tp@demo.hcmc.vn"), id);
        Assert.NotNull(leader);
        Assert.Matches("^[0-9]{12}$", leader.ApplicantCccd);
        Assert.NotEmpty(leader.Files);

        var client = portal.CreateClient();
        await client.SignInAsync(Evaluator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/files/{fileId}")).StatusCode);
        // The printed receipt (form 01) shows the CCCD to the leader, not to the evaluator.
        Assert.DoesNotContain(leader.ApplicantCccd, await client.GetStringAsync($"/in/01/{id}"));
        var leaderClient = portal.CreateClient();
        await leaderClient.SignInAsync("lanhdao.tp@demo.hcmc.vn");
        Assert.Contains(leader.ApplicantCccd, await leaderClient.GetStringAsync($"/in/01/{id}"));

        // The evaluator's view is still a view of the applicant's name: it is logged.
        Assert.Contains(await LogOfAsync(id), a => a.Roles.Contains(Roles.DxEvaluator));
    }

    [Fact]
    public async Task Administrators_search_the_log_by_user_dossier_period_and_screen_and_export_it()
    {
        var (id, code, fileId) = await SubmittedAsync();
        await portal.Get<OfficerQueries>().DetailAsync(await portal.ActorAsync(Reception), id);
        var staff = portal.CreateClient();
        await staff.SignInAsync(Reception);
        await staff.GetAsync($"/files/{fileId}");

        var accesses = portal.Get<PersonalDataAccessQueries>();
        var admin = await portal.ActorAsync(Admin);
        var today = VietnamTime.Today(TimeProvider.System);
        Assert.Equal(2, (await accesses.SearchAsync(admin, new AccessLogFilter(DossierCode: code), 0, 25)).Total);
        Assert.Equal(2, (await accesses.SearchAsync(admin, new AccessLogFilter(User: "motcua.q1", DossierCode: code, From: today, To: today), 0, 25)).Total);
        var files = await accesses.SearchAsync(admin, new AccessLogFilter(DossierCode: code, Screen: PersonalDataScreens.File), 0, 25);
        Assert.Equal(Reception, Assert.Single(files.Items).UserEmail);
        Assert.Equal(0, (await accesses.SearchAsync(admin, new AccessLogFilter(DossierCode: code, To: today.AddDays(-1)), 0, 25)).Total);
        Assert.Equal(0, (await accesses.SearchAsync(admin, new AccessLogFilter(User: "lanhdao", DossierCode: code), 0, 25)).Total);
        Assert.Equal(0, (await accesses.SearchAsync(await portal.ActorAsync(Reception), new AccessLogFilter(DossierCode: code), 0, 25)).Total);

        var client = portal.CreateClient();
        await client.SignInAsync(Admin);
        var response = await client.GetAsync($"/quan-tri/nhat-ky-du-lieu-ca-nhan.xlsx?code={code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal(code, sheet.Cell(3, 6).GetString());
        Assert.Equal(code, sheet.Cell(4, 6).GetString());
        Assert.True(sheet.Cell(5, 6).IsEmpty());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/quan-tri/nhat-ky-du-lieu-ca-nhan.xlsx?from=0001-01-01")).StatusCode);
        var refused = await staff.GetAsync($"/quan-tri/nhat-ky-du-lieu-ca-nhan.xlsx?code={code}");
        Assert.NotEqual(response.Content.Headers.ContentType?.MediaType, refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_citizen_downloads_everything_the_portal_holds_about_them_from_the_account_page_and_the_API()
    {
        var (id, code, _) = await SubmittedAsync();
        await portal.Get<OfficerQueries>().DetailAsync(await portal.ActorAsync(Reception), id);

        var owner = portal.CreateClient();
        await owner.SignInAsync(Citizen);
        Assert.Contains("/tai-khoan/du-lieu-ca-nhan", await owner.GetStringAsync("/tai-khoan"));
        var web = await Entries(await owner.GetAsync("/tai-khoan/du-lieu-ca-nhan"));
        Assert.Contains(Citizen, web["tai-khoan.json"]);
        Assert.Contains(code, web["ho-so.json"]);
        Assert.Contains("Nguyễn Bảo Ngọc", web["ho-so.json"]);
        Assert.Contains(Roles.DisplayName(Roles.Reception), web["ho-so.json"]);
        Assert.Contains(code, web["thong-bao.json"]);
        Assert.True(web.ContainsKey("ho-so-nhap.json"));
        Assert.Contains(web, e => e.Key.StartsWith("tep/" + code + "/") && e.Value.StartsWith("%PDF"));

        var api = await portal.ClientOfAsync(Citizen);
        var fromApi = await Entries(await api.GetAsync("/api/v1/me/data"));
        Assert.Equal(web.Keys.Order(), fromApi.Keys.Order());
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync("/api/v1/me/data")).StatusCode);

        var stranger = await Entries(await (await portal.ClientOfAsync("congdan2@demo.hcmc.vn")).GetAsync("/api/v1/me/data"));
        Assert.DoesNotContain(code, stranger["ho-so.json"]);
        Assert.DoesNotContain(stranger.Keys, k => k.Contains(code));
    }

    private static async Task<Dictionary<string, string>> Entries(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var entries = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            entries[entry.FullName] = await reader.ReadToEndAsync();
        }
        return entries;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Officer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Units;

/// <summary>
/// Reception since 01/07/2025 (Decree 118/2025/NĐ-CP): the 168 commune-level centres receive, any of them regardless of
/// residence; a dissolved unit is never offered and a dossier naming one is refused with the units that replaced it.
/// </summary>
public sealed class ReformReceptionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Quan1Successors = "Phường Bến Thành, Phường Cầu Ông Lãnh, Phường Sài Gòn, Phường Tân Định";

    [Fact]
    public async Task Only_units_that_exist_today_are_offered_for_reception_addresses_staff_and_transfer()
    {
        var catalog = portal.Get<ProcedureCatalog>();
        var today = VietnamTime.Today(TimeProvider.System);
        await using var db = portal.CreateDb();
        var validToday = (await db.Units.Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today)).Select(u => u.Id).ToListAsync()).ToHashSet();

        var centres = await catalog.ReceivingUnitsAsync(ProcedureLevel.District);
        Assert.Equal(168, centres.Count);
        Assert.Equal(168, (await catalog.ReceivingUnitsAsync(ProcedureLevel.Commune)).Count);
        Assert.Equal(["Thành phố Hồ Chí Minh"], (await catalog.ReceivingUnitsAsync(ProcedureLevel.City)).Select(u => u.Name));
        Assert.All(centres, u => Assert.Contains(u.Id, validToday));
        Assert.DoesNotContain(centres, u => u.Name.StartsWith("Quận", StringComparison.Ordinal));

        var area = Assert.Single(await catalog.DistrictsAsync());
        Assert.Equal("Thành phố Hồ Chí Minh", area.Name);
        Assert.Equal(168, (await catalog.WardsAsync(area.Id)).Count);

        var staffUnits = await portal.Get<HcmcPortal.Admin.Users.UserAdminService>().UnitsAsync(await portal.ActorAsync("quantri@demo.hcmc.vn"), default);
        Assert.Equal(169, staffUnits.Count);
        var targets = await portal.Get<OfficerQueries>().TransferTargetsAsync(await portal.UnitIdAsync(DemoSeeder.SaiGonCode));
        Assert.All(targets, t => Assert.Contains(t.Id, validToday));

        // The Citizen App sees the same: GET /procedures/{code} lists today's centres only.
        var detail = await portal.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{CitizenKit.KhaiSinh}");
        var codes = detail.GetProperty("receivingUnits").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(168, codes.Count);
        Assert.DoesNotContain("760", codes);
    }

    [Fact]
    public async Task A_dossier_to_a_dissolved_district_is_refused_on_the_web_path_naming_its_successors()
    {
        var citizen = await portal.ActorAsync(ApiClient.Citizen);
        var before = await DossierCountAsync();
        var data = await portal.KhaiSinhDataAsync(citizen);
        data.UnitId = await portal.UnitIdAsync("760"); // Quận 1, dissolved on 01/07/2025
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var files = procedure.Documents.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id)).ToList();

        var outcome = await portal.Get<DraftService>().SubmitDataAsync(citizen, procedure, data, files, null, null);

        Assert.False(outcome.Result.Succeeded);
        var message = outcome.FieldErrors[FormRules.Keys.Unit];
        Assert.StartsWith("Quận 1 không còn tiếp nhận hồ sơ từ ngày 01/07/2025", message);
        Assert.Contains(Quan1Successors, message);
        Assert.Equal(before, await DossierCountAsync());

        // The walk-in desk and any other caller of the dossier service meet the same rule.
        var direct = await portal.Dossiers().SubmitAsync(citizen, new SubmitRequest(procedure.Id, data.UnitId.Value, DossierChannel.Online)
        {
            ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234", Files = files,
        });
        Assert.Equal(CommandStatus.Invalid, direct.Status);
        Assert.Contains(Quan1Successors, direct.Message);
        Assert.Equal(before, await DossierCountAsync());
    }

    [Fact]
    public async Task A_dossier_to_a_dissolved_unit_is_refused_through_the_API_with_a_400_naming_its_successors()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var submission = await portal.KhaiSinhSubmissionAsync();
        var before = await DossierCountAsync();

        var quan1 = await (await client.SubmitAsync(submission with { UnitCode = "760" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Quận 1 không còn tiếp nhận hồ sơ", quan1.FieldError("unitCode"));
        Assert.Contains(Quan1Successors, quan1.FieldError("unitCode"));

        // 26734 was Phường Tân Định of Quận 1; no unit has that code today, and its whole area went to the new Tân Định.
        var oldWard = await (await client.SubmitAsync(submission with { UnitCode = "26734" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Phường Tân Định không còn tiếp nhận hồ sơ", oldWard.FieldError("unitCode"));

        var unknown = await (await client.SubmitAsync(submission with { UnitCode = "99999" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Cơ quan tiếp nhận mã 99999 không tồn tại.", unknown.FieldError("unitCode"));
        Assert.Equal(before, await DossierCountAsync());

        // A code reused in 2025 names today's unit: 26740 is Phường Sài Gòn, not the old Phường Bến Nghé.
        var created = await client.SubmitAsync(submission with { UnitCode = "26740" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await using var db = portal.CreateDb();
        Assert.Equal("Phường Sài Gòn", await db.Dossiers.Where(d => d.Code == code).Select(d => d.Unit!.Name).SingleAsync());
    }

    [Fact]
    public async Task A_commune_level_centre_of_the_former_Binh_Duong_runs_the_whole_workflow_for_a_citizen_living_elsewhere()
    {
        // congdan lives in the former Quận 1 and files at Phường Thủ Dầu Một: any centre in the city (Decree 118/2025).
        var citizen = await portal.ActorAsync(ApiClient.Citizen);
        var data = await portal.KhaiSinhDataAsync(citizen);
        data.UnitId = await portal.UnitIdAsync(DemoSeeder.ThuDauMotCode);
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(CitizenKit.KhaiSinh))!;
        var files = procedure.Documents.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id)).ToList();
        var submitted = await portal.Get<DraftService>().SubmitDataAsync(citizen, procedure, data, files, null, null);
        Assert.True(submitted.Result.Succeeded, submitted.Result.Message);
        var id = submitted.Result.DossierId!.Value;

        await using (var db = portal.CreateDb())
        {
            var unit = await db.Units.SingleAsync(u => u.Id == data.UnitId);
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            // The code carries the new unit's agency code (000.23.01.H29, the portal's own numbering).
            Assert.StartsWith(unit.AgencyCode + "-", dossier.Code);
            Assert.Equal("000.23.01.H29", unit.AgencyCode);
            Assert.Equal(unit.Path, dossier.UnitPath);
        }

        // The Sài Gòn desk does not see it; the Thủ Dầu Một officers take it to the result.
        var saiGon = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        Assert.Null(await portal.Get<OfficerQueries>().DetailAsync(saiGon, id));
        var reception = await portal.ActorAsync("motcua.thudaumot@demo.hcmc.vn");
        var queue = await portal.Get<OfficerQueries>().ListAsync(reception, OfficerQueue.Reception, new DossierFilter(), null, false, 0, 100);
        Assert.Contains(queue.Rows, d => d.Id == id);
        await portal.ApplyOkAsync(reception, id, DossierAction.Receive);
        await portal.ApplyOkAsync(await portal.ActorAsync("lanhdao.thudaumot@demo.hcmc.vn"), id, DossierAction.Assign,
            assigneeId: (await portal.ActorAsync("chuyenvien.thudaumot@demo.hcmc.vn")).UserId);
        await portal.ApplyOkAsync(await portal.ActorAsync("chuyenvien.thudaumot@demo.hcmc.vn"), id, DossierAction.ProposeResult,
            files: [new UploadedFile("giay-khai-sinh.pdf", TestFiles.Pdf("ket qua"))]);
        await portal.ApplyOkAsync(await portal.ActorAsync("lanhdao.thudaumot@demo.hcmc.vn"), id, DossierAction.Approve);
        await portal.ApplyOkAsync(reception, id, DossierAction.Return);
        var done = await portal.LoadAsync(id);
        Assert.Equal(DossierStatus.Returned, done.Status);
        Assert.All((await portal.EventsAsync(id)).Skip(1), e => Assert.Equal("Phường Thủ Dầu Một", e.ActorUnitName));

        // The printed receipt names the centre, and the public lookup finds the dossier.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("motcua.thudaumot@demo.hcmc.vn");
        var receipt = await client.GetStringAsync($"/in/01/{id}");
        Assert.Contains(done.Code, receipt);
        Assert.Contains("Phường Thủ Dầu Một", receipt);
        var lookup = await portal.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/lookup?code={done.Code}&cccdLast4=1234");
        Assert.Equal((int)DossierStatus.Returned, lookup.GetProperty("status").GetInt32());
    }

    private async Task<int> DossierCountAsync()
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.CountAsync();
    }
}

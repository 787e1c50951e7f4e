using HcmcPortal.Data.Seed;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Citizen;

/// <summary>Shared steps for the citizen tests: actors of the demo accounts, tiny valid files, a complete birth-registration dossier.</summary>
public static class CitizenKit
{
    public const string KhaiSinh = "1.001193";

    /// <summary>Every field of "Đăng ký khai sinh" answered, sent to Phường Sài Gòn (the city and that ward as the birthplace).</summary>
    public static async Task<DraftData> KhaiSinhDataAsync(this PortalFactory portal, Actor actor)
    {
        var data = new DraftData { Applicant = await portal.Get<DraftService>().ProfileAsync(actor), UnitId = await portal.UnitIdAsync(DemoSeeder.SaiGonCode) };
        var catalog = portal.Get<ProcedureCatalog>();
        // Since 01/07/2025 an address is "ward, city": the first level of an address is the city.
        var city = (await catalog.DistrictsAsync()).Single().Id;
        var ward = (await catalog.WardsAsync(city)).Single(w => w.Id == data.UnitId);
        data.Answers["childName"] = "Nguyễn Bảo Ngọc";
        data.Answers["childBirthDate"] = "2026-01-15";
        data.Answers["childSex"] = "Nữ";
        data.Answers["relationship"] = "Cha";
        data.Addresses["birthPlace"] = new AddressAnswer { DistrictId = city, WardId = ward.Id, Street = "284 Cống Quỳnh" };
        return data;
    }

    /// <summary>A saved draft with one file in each mandatory slot.</summary>
    public static async Task<(Guid DraftId, ProcedureDetail Procedure)> KhaiSinhDraftAsync(this PortalFactory portal, Actor actor)
    {
        var procedure = (await portal.Get<ProcedureCatalog>().DetailAsync(KhaiSinh))!;
        var drafts = portal.Get<DraftService>();
        var saved = await drafts.SaveAsync(actor, new DraftSave(null, null, procedure.Id, 2, await portal.KhaiSinhDataAsync(actor)));
        Assert.True(saved.Succeeded, saved.Message);
        foreach (var doc in procedure.Documents.Where(d => d.Mandatory))
        {
            var added = await drafts.AddFileAsync(actor, saved.DraftId!.Value, doc.Id, $"giay-to-{doc.Id}.pdf", TestFiles.Pdf(doc.Name));
            Assert.Null(added.Error);
        }
        return (saved.DraftId!.Value, procedure);
    }

    public static async Task<CommandResult> SubmitKhaiSinhAsync(this PortalFactory portal, Actor actor)
    {
        var (draftId, _) = await portal.KhaiSinhDraftAsync(actor);
        var outcome = await portal.Get<DraftService>().SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
        Assert.True(outcome.Result.Succeeded, outcome.Result.Message);
        return outcome.Result;
    }

    public static async Task<CommandResult> ActAsync(this PortalFactory portal, string email, Guid dossierId, Guid version, DossierAction action,
        string? note = null, string? assigneeEmail = null, IReadOnlyList<UploadedFile>? files = null)
    {
        var actor = await portal.ActorAsync(email);
        string? assignee = assigneeEmail is null ? null : (await portal.ActorAsync(assigneeEmail)).UserId;
        var result = await portal.Get<DossierService>().ApplyAsync(actor, new ActionRequest(dossierId, version, action)
        {
            Note = note, AssigneeId = assignee, Files = files ?? [],
        });
        Assert.True(result.Succeeded, $"{action}: {result.Message}");
        return result;
    }

    /// <summary>Phường Sài Gòn receives, assigns, proposes a result with its document, and approves: status 9.</summary>
    public static async Task<CommandResult> FinishAsync(this PortalFactory portal, Guid dossierId, Guid version, bool alreadyReceived = false)
    {
        var r = alreadyReceived ? null : await portal.ActAsync("motcua.q1@demo.hcmc.vn", dossierId, version, DossierAction.Receive);
        r = await portal.ActAsync("lanhdao.q1@demo.hcmc.vn", dossierId, r?.Version ?? version, DossierAction.Assign, assigneeEmail: "chuyenvien.q1@demo.hcmc.vn");
        r = await portal.ActAsync("chuyenvien.q1@demo.hcmc.vn", dossierId, r.Version!.Value, DossierAction.ProposeResult,
            files: [new UploadedFile("giay-khai-sinh.pdf", TestFiles.Pdf("ket qua"))]);
        return await portal.ActAsync("lanhdao.q1@demo.hcmc.vn", dossierId, r.Version!.Value, DossierAction.Approve);
    }
}

using System.Net;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Citizen;

/// <summary>A person can never see another person's dossier, draft or file, by any URL or service call.</summary>
public sealed class PrivacyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Owned(Guid DossierId, string Code, Guid DossierFileId, Guid DraftId, Guid DraftFileId);

    private async Task<Owned> CongdanOwnsAsync()
    {
        var owner = await portal.ActorAsync("congdan@demo.hcmc.vn");
        var submitted = await portal.SubmitKhaiSinhAsync(owner);
        var (draftId, _) = await portal.KhaiSinhDraftAsync(owner);
        await using var db = portal.CreateDb();
        var dossierFile = await db.Files.Where(f => f.DossierId == submitted.DossierId).Select(f => f.Id).FirstAsync();
        var draftFile = await db.Files.Where(f => f.DraftId == draftId).Select(f => f.Id).FirstAsync();
        return new(submitted.DossierId!.Value, submitted.Code!, dossierFile, draftId, draftFile);
    }

    private static string[] UrlsOf(Owned o) =>
    [
        $"/ho-so-cua-toi/{o.DossierId}",
        $"/ho-so-cua-toi/{o.DossierId}/da-nop",
        $"/nop-ho-so/nhap/{o.DraftId}",
        $"/files/{o.DossierFileId}",
        $"/files/{o.DossierFileId}?download=1",
        $"/files/{o.DraftFileId}",
    ];

    [Fact]
    public async Task Another_citizen_gets_not_found_for_every_url_of_someone_elses_dossier_draft_and_files()
    {
        var owned = await CongdanOwnsAsync();
        var owner = portal.CreateClient();
        await owner.SignInAsync("congdan@demo.hcmc.vn");
        var stranger = portal.CreateClient();
        await stranger.SignInAsync("congdan2@demo.hcmc.vn");

        foreach (var url in UrlsOf(owned))
        {
            var mine = await owner.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);

            var theirs = await stranger.GetAsync(url);
            var body = await theirs.Content.ReadAsStringAsync();
            Assert.True(theirs.StatusCode == HttpStatusCode.NotFound, $"{url} answered {theirs.StatusCode}");
            Assert.DoesNotContain(owned.Code, body);
            Assert.DoesNotContain("Nguyễn Văn An", body);
            Assert.DoesNotContain("%PDF", body);
            Assert.DoesNotContain("Nguyễn Bảo Ngọc", body);
        }
        Assert.Contains(owned.Code, await owner.GetStringAsync($"/ho-so-cua-toi/{owned.DossierId}"));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_sees_no_data()
    {
        var owned = await CongdanOwnsAsync();
        var anonymous = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in UrlsOf(owned))
        {
            var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login"),
                $"{url} answered {response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain(owned.Code, body);
            Assert.DoesNotContain("%PDF", body);
        }
    }

    [Fact]
    public async Task Services_answer_not_found_to_someone_elses_ids()
    {
        var owned = await CongdanOwnsAsync();
        var stranger = await portal.ActorAsync("congdan2@demo.hcmc.vn");
        var drafts = portal.Get<DraftService>();
        var my = portal.Get<MyDossierService>();

        Assert.Null(await my.DetailAsync(stranger, owned.DossierId));
        Assert.DoesNotContain((await my.ListAsync(stranger, new MyDossierQuery(Text: owned.Code))).Items, r => r.Id == owned.DossierId);
        Assert.Null(await drafts.GetAsync(stranger, owned.DraftId));
        Assert.DoesNotContain(await drafts.ListAsync(stranger), d => d.Id == owned.DraftId);
        Assert.Equal(CommandStatus.NotFound, (await drafts.SaveAsync(stranger, new DraftSave(owned.DraftId, null, 1, 0, new DraftData()))).Status);
        Assert.Equal(DraftService.NotFoundMessage, (await drafts.AddFileAsync(stranger, owned.DraftId, 1, "x.pdf", TestFiles.Pdf())).Error);
        Assert.False(await drafts.RemoveFileAsync(stranger, owned.DraftId, owned.DraftFileId));
        Assert.False(await drafts.DeleteAsync(stranger, owned.DraftId));
        Assert.Equal(CommandStatus.NotFound, (await drafts.SubmitAsync(stranger, owned.DraftId, Guid.NewGuid().ToString("N"))).Result.Status);
        var withdraw = await portal.Get<DossierService>().ApplyAsync(stranger, new ActionRequest(owned.DossierId, Guid.Empty, DossierAction.Withdraw) { Note = "x" });
        Assert.Equal(CommandStatus.NotFound, withdraw.Status);

        await using var db = portal.CreateDb();
        Assert.True(await db.Drafts.AnyAsync(d => d.Id == owned.DraftId));
        Assert.True(await db.Files.AnyAsync(f => f.Id == owned.DraftFileId));
        Assert.Equal(DossierStatus.Submitted, await db.Dossiers.Where(d => d.Id == owned.DossierId).Select(d => d.Status).SingleAsync());
    }
}

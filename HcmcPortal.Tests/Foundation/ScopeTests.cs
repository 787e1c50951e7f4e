using HcmcPortal.Data.Seed;
using System.Net;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>Unit scope is enforced on the server (domain.md §1), whatever URL is asked for.</summary>
public sealed class ScopeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Guid DossierId, Guid FileId)> SubmitToQuan1Async()
    {
        var citizen = await portal.ActorAsync("congdan@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var q1 = await db.Units.SingleAsync(u => u.Id == portal.UnitIdAsync(DemoSeeder.SaiGonCode).Result);
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).FirstAsync(p => p.RequiredDocuments.Count(d => d.Mandatory) > 0);
        var files = procedure.RequiredDocuments.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id)).ToList();
        var result = await portal.Services.GetRequiredService<DossierService>().SubmitAsync(citizen,
            new SubmitRequest(procedure.Id, q1.Id, DossierChannel.Online) { ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234", Files = files });
        Assert.True(result.Succeeded, result.Message);
        var fileId = await db.Files.Where(f => f.DossierId == result.DossierId).Select(f => f.Id).FirstAsync();
        return (result.DossierId!.Value, fileId);
    }

    [Fact]
    public async Task Officers_list_only_their_own_units_dossiers()
    {
        var q1Officer = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var q3Officer = await portal.ActorAsync("motcua.q3@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var q1 = await db.Units.SingleAsync(u => u.Id == portal.UnitIdAsync(DemoSeeder.SaiGonCode).Result);
        Assert.True(await db.Dossiers.VisibleTo(q1Officer).AnyAsync());
        Assert.All(await db.Dossiers.VisibleTo(q1Officer).Select(d => d.UnitId).Distinct().ToListAsync(), id => Assert.Equal(q1.Id, id));
        Assert.False(await db.Dossiers.VisibleTo(q3Officer).AnyAsync(d => d.UnitId == q1.Id));
    }

    [Fact]
    public async Task City_leader_sees_every_district_and_citizens_only_their_own()
    {
        var leader = await portal.ActorAsync("lanhdao.tp@demo.hcmc.vn");
        var citizen = await portal.ActorAsync("congdan2@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        Assert.Equal(await db.Dossiers.CountAsync(), await db.Dossiers.VisibleTo(leader).CountAsync());
        Assert.All(await db.Dossiers.VisibleTo(citizen).Select(d => d.ApplicantUserId).Distinct().ToListAsync(), id => Assert.Equal(citizen.UserId, id));
    }

    [Fact]
    public async Task A_file_of_Quan_1_is_not_found_for_an_officer_of_Quan_3_or_another_citizen()
    {
        var (_, fileId) = await SubmitToQuan1Async();
        foreach (var (email, expected) in new[]
        {
            ("motcua.q1@demo.hcmc.vn", HttpStatusCode.OK),
            ("congdan@demo.hcmc.vn", HttpStatusCode.OK),
            ("motcua.q3@demo.hcmc.vn", HttpStatusCode.NotFound),
            ("congdan2@demo.hcmc.vn", HttpStatusCode.NotFound),
        })
        {
            var client = portal.CreateClient();
            await client.SignInAsync(email);
            var response = await client.GetAsync($"/files/{fileId}");
            Assert.True(expected == response.StatusCode, $"{email}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_officer_of_Quan_3_cannot_act_on_a_Quan_1_dossier()
    {
        var (dossierId, _) = await SubmitToQuan1Async();
        await using var db = portal.CreateDb();
        var version = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Version).SingleAsync();
        var service = portal.Services.GetRequiredService<DossierService>();
        var result = await service.ApplyAsync(await portal.ActorAsync("motcua.q3@demo.hcmc.vn"), new ActionRequest(dossierId, version, DossierAction.Receive));
        Assert.Equal(CommandStatus.NotFound, result.Status);
        var own = await service.ApplyAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), new ActionRequest(dossierId, version, DossierAction.Receive));
        Assert.Equal(CommandStatus.Ok, own.Status);
    }

    [Fact]
    public async Task The_applicant_sees_an_unread_badge_and_no_one_else_does()
    {
        await SubmitToQuan1Async();
        var applicant = portal.CreateClient();
        await applicant.SignInAsync("congdan@demo.hcmc.vn");
        Assert.Contains("data-test=\"unread-badge\"", await applicant.GetStringAsync("/"));
        var other = portal.CreateClient();
        await other.SignInAsync("congdan2@demo.hcmc.vn");
        Assert.DoesNotContain("data-test=\"unread-badge\"", await other.GetStringAsync("/"));
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using HcmcPortal.Domain;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Api;

/// <summary>One dossier, two channels: submitted from the Citizen App, handled on the officers' web pages.</summary>
public sealed class CrossChannelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_dossier_from_the_API_waits_at_the_desk_and_the_officers_steps_show_in_the_API_timeline()
    {
        var client = await portal.ClientOfAsync(ApiClient.Citizen);
        var created = await client.SubmittedAsync(await portal.KhaiSinhSubmissionAsync());
        var (id, code) = (created.GetProperty("id").GetGuid(), created.GetProperty("code").GetString()!);

        // The query behind /can-bo/tiep-nhan, as the Phường Sài Gòn desk (motcua.q1) and as the Phường Xuân Hoà desk (motcua.q3).
        var queries = portal.Get<OfficerQueries>();
        var desk = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var byCode = new DossierFilter { Search = code };
        var row = Assert.Single((await queries.ListAsync(desk, OfficerQueue.Reception, byCode, null, false, 0, 10)).Rows);
        Assert.Equal((id, DossierChannel.Online, DossierStatus.Submitted), (row.Id, row.Channel, row.Status));
        Assert.Empty((await queries.ListAsync(await portal.ActorAsync("motcua.q3@demo.hcmc.vn"), OfficerQueue.Reception, byCode, null, false, 0, 10)).Rows);

        var received = await portal.ActAsync("motcua.q1@demo.hcmc.vn", id, await portal.VersionAsync(id), DossierAction.Receive);
        Assert.Empty((await queries.ListAsync(desk, OfficerQueue.Reception, byCode, null, false, 0, 10)).Rows);
        var afterReceipt = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal((int)DossierStatus.Received, afterReceipt.GetProperty("status").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, afterReceipt.GetProperty("dueAt").ValueKind);

        await portal.FinishAsync(id, received.Version!.Value, alreadyReceived: true);
        var finished = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal((int)DossierStatus.ResultReady, finished.GetProperty("status").GetInt32());
        var timeline = finished.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(
            new[] { DossierAction.Receive, DossierAction.Assign, DossierAction.ProposeResult, DossierAction.Approve }.Select(DossierText.ActionName),
            timeline.Skip(1).Select(t => t.GetProperty("action").GetString()));
        Assert.All(timeline.Skip(1), t => Assert.DoesNotContain("Lê Thị Cúc", t.GetRawText()));
    }
}

using Bunit;
using HcmcPortal.Calendar;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Tests.Officer;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HcmcPortal.Tests.Security;

/// <summary>
/// Two officers on one dossier: the one who acts second sees who changed it and when, and the fresh dossier — never
/// an error. The workspace runs on the real portal's services and database (bUnit), and the winner acts through the service.
/// </summary>
public sealed class TwoOfficersRaceTests : BunitTestBase, IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public TwoOfficersRaceTests(PortalFactory portal)
    {
        this.portal = portal;
        Services.AddSingleton(portal.Services.GetRequiredService<DossierService>());
        Services.AddSingleton(portal.Services.GetRequiredService<OfficerQueries>());
        Services.AddSingleton(portal.Services.GetRequiredService<CalendarProvider>());
        Services.AddSingleton(portal.Services.GetRequiredService<HcmcPortal.Dossiers.DeclarationReader>());
    }

    [Fact]
    public async Task The_officer_who_acts_second_sees_who_won_and_the_fresh_dossier()
    {
        var id = await portal.SubmitOnlineToQuan1Async();
        var winner = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        // The same desk on a second screen (Quận 1 has one reception officer in the demo data).
        var loser = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");

        Render<MudPopoverProvider>();
        var screen = Render<DossierWorkspace>(p => p.Add(c => c.DossierId, id).Add(c => c.Actor, loser));
        screen.WaitForElement("[data-test=action-RequestSupplement]");
        Assert.Equal(nameof(DossierStage.Submitted), screen.Find("[data-test=workspace]").GetAttribute("data-stage"));
        // The loser opens the form and types, while the winner receives the dossier first.
        await screen.Find("[data-test=action-RequestSupplement]").ClickAsync(new());
        screen.Find("[data-test=field-note]").Change("Bổ sung bản sao giấy khai sinh.");
        await portal.ApplyOkAsync(winner, id, DossierAction.Receive);

        await screen.Find("[data-test=action-form]").SubmitAsync();

        screen.WaitForAssertion(() =>
        {
            var message = screen.Find("[data-test=action-message]").TextContent;
            Assert.Contains("Hồ sơ đã được cập nhật bởi Lê Thị Cúc", message);
            Assert.Contains(" lúc ", message);
            Assert.Equal(nameof(DossierStage.Received), screen.Find("[data-test=workspace]").GetAttribute("data-stage"));
        });
        // Nothing was applied for the loser: the winner's receipt is the last event.
        Assert.Equal("Receive", (await portal.EventsAsync(id)).Last().Action);
    }
}

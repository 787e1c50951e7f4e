using HcmcPortal.Data.Seed;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Officer;

public sealed class OfficerSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("nguyen")]
    [InlineData("NGUYỄN")]
    [InlineData("Nguyễn")]
    public async Task A_clerk_finds_an_applicant_with_or_without_diacritics(string typed)
    {
        await portal.SubmitOnlineToQuan1Async(); // at least one "Nguyễn Văn An" at the desk, whatever the demo data drew
        var officer = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var q1 = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        var expected = await db.Dossiers.CountAsync(d => d.UnitId == q1 && d.ApplicantName.StartsWith("Nguyễn"));
        Assert.True(expected > 0);

        var page = await portal.Get<OfficerQueries>().ListAsync(officer, OfficerQueue.Unit, new DossierFilter { Search = typed }, null, false, 0, 100);
        Assert.Equal(expected, page.Total);
    }
}

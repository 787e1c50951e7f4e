using HcmcPortal.Accounts;
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

    [Fact]
    public async Task A_name_search_seeks_the_folded_name_index_and_finds_only_names_that_start_so()
    {
        await portal.SubmitOnlineToQuan1Async();
        var officer = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var q1 = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        var names = await db.Dossiers.Where(d => d.UnitId == q1).Select(d => d.ApplicantSearchName).ToListAsync();
        var expected = names.Count(n => n.StartsWith("nguyen van", StringComparison.Ordinal));
        Assert.True(expected > 0);
        Assert.True(names.Count(n => n.Contains("nguyen van", StringComparison.Ordinal)) >= expected);

        var page = await portal.Get<OfficerQueries>().ListAsync(officer, OfficerQueue.Unit, new DossierFilter { Search = "  NGUYỄN văn " }, null, false, 0, 100);
        Assert.Equal(expected, page.Total);

        // SQLite's own plan for the search: a range on the (UnitId, ApplicantSearchName) index.
        var query = OfficerQueries.ApplySearch(db.Dossiers.VisibleTo(officer), "Nguyễn Văn").ToQueryString();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var explain = connection.CreateCommand();
        var lines = query.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = explain.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim().Trim('\'');
            explain.Parameters.Add(parameter);
        }
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        Assert.Contains(plan, p => p.Contains("IX_Dossiers_UnitId_ApplicantSearchName (UnitId=? AND ApplicantSearchName>? AND ApplicantSearchName<?)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_prefix_range_ends_before_the_next_letter()
    {
        Assert.Equal(("nguyen", "nguyeo"), OfficerQueries.PrefixRange("nguyen"));
        Assert.Equal(("nguyen van a", "nguyen van b"), OfficerQueries.PrefixRange("nguyen van a"));
    }
}

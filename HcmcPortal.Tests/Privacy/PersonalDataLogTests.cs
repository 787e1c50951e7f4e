using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Privacy;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Privacy;

/// <summary>The access log's set-based write (issue 12: a listing export logs thousands of dossiers a page).</summary>
public sealed class PersonalDataLogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<List<PersonalDataAccess>> RowsOfAsync(string userId)
    {
        await using var db = portal.CreateDb();
        return await db.PersonalDataAccesses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Many_dossiers_are_logged_in_several_inserts_one_row_each_with_the_viewer_and_nulls_kept()
    {
        // More than two inserts' worth, with a dossier shown twice: logged once.
        var viewed = Enumerable.Range(0, 250).Select(i => new ViewedDossier(Guid.NewGuid(), $"TEST-{i:D4}")).ToList();
        var evaluator = new Actor("log-evaluator", "Người đánh giá", null, null, null, new HashSet<string> { Roles.DxEvaluator });
        await using (var db = portal.CreateDb())
            await portal.Get<PersonalDataLog>().SaveAsync(db, evaluator, PersonalDataScreens.ListingExport, [.. viewed, viewed[7]]);

        var rows = await RowsOfAsync("log-evaluator");
        Assert.Equal(viewed.Select(v => (v.Id, v.Code)), rows.Select(r => (r.DossierId, r.DossierCode)));
        Assert.All(rows, r =>
        {
            Assert.Equal("Người đánh giá", r.UserName);
            Assert.Equal(Roles.DxEvaluator, r.Roles);
            Assert.Null(r.UnitId);
            Assert.Null(r.UnitName);
            Assert.Null(r.Detail);
            Assert.Equal(PersonalDataScreens.ListingExport, r.Screen);
            Assert.Equal(rows[0].At, r.At);
        });
        Assert.InRange(rows[0].At, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        // What the log's readers query by: the dossier (the citizen's "who viewed my dossier").
        await using (var db = portal.CreateDb())
            Assert.Equal(1, await db.PersonalDataAccesses.CountAsync(a => a.DossierId == viewed[42].Id));
    }

    [Fact]
    public async Task An_officers_file_view_keeps_unit_and_detail_and_a_citizens_own_view_is_not_logged()
    {
        var officer = new Actor("log-officer", "Cán bộ", 5, "/1/5/", "Phường Bến Thành", new HashSet<string> { Roles.Reception });
        var citizen = new Actor("log-citizen", "Công dân", null, null, null, new HashSet<string> { Roles.Citizen });
        var dossier = new ViewedDossier(Guid.NewGuid(), "TEST-FILE");
        await using (var db = portal.CreateDb())
        {
            await portal.Get<PersonalDataLog>().SaveAsync(db, officer, PersonalDataScreens.File, [dossier], "giay-khai-sinh.pdf");
            await portal.Get<PersonalDataLog>().SaveAsync(db, citizen, PersonalDataScreens.File, [dossier], "giay-khai-sinh.pdf");
        }

        var row = Assert.Single(await RowsOfAsync("log-officer"));
        Assert.Equal((5, "Phường Bến Thành", "giay-khai-sinh.pdf", dossier.Id), (row.UnitId, row.UnitName, row.Detail, row.DossierId));
        Assert.Empty(await RowsOfAsync("log-citizen"));
    }
}

using HcmcPortal.Accounts;
using HcmcPortal.Admin.Audit;
using HcmcPortal.Admin.Settings;
using HcmcPortal.Admin.Users;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// Issue 15: two administrators editing one account, the settings or a unit's agency code — the first save wins and the
/// second is told who saved and when, with nothing of theirs written; and a change the portal makes on its own (the
/// demo accounts locked) appears in the audit viewer. Its own portal: these tests change settings and lock accounts.
/// </summary>
public sealed class AdminConflictTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private UserAdminService Staff => portal.Get<UserAdminService>();

    /// <summary>The demo administrator and a second one created by them, with the first one's full name.</summary>
    private async Task<(Actor First, string FirstName, Actor Second)> TwoAdministratorsAsync()
    {
        var first = await portal.ActorAsync("quantri@demo.hcmc.vn");
        const string email = "quantri.hai@example.vn";
        await using var db = portal.CreateDb();
        if (!await db.Users.AnyAsync(u => u.Email == email))
            Assert.Empty(await Staff.CreateAsync(first, new OfficerInput(email, "Trần Thu Hà", Roles.Admin, null, "Qt@123456")));
        var firstName = await db.Users.Where(u => u.Id == first.UserId).Select(u => u.FullName).SingleAsync();
        return (first, firstName, await portal.ActorAsync(email));
    }

    [Fact]
    public async Task Two_administrators_editing_one_account_the_first_save_wins_and_the_second_is_told_who_and_when()
    {
        var (first, firstName, second) = await TwoAdministratorsAsync();
        await using var db = portal.CreateDb();
        var officer = await db.Users.Where(u => u.Email == "chuyenvien.q1@demo.hcmc.vn").Select(u => new { u.Id, u.UnitId }).SingleAsync();
        var formOfFirst = (await Staff.DetailAsync(first, officer.Id, default))!;
        var formOfSecond = (await Staff.DetailAsync(second, officer.Id, default))!;
        Assert.Equal(formOfFirst.Stamp, formOfSecond.Stamp);

        Assert.Empty(await Staff.UpdateAsync(first, new OfficerUpdate(officer.Id, "Hoàng Minh Đức", null, officer.UnitId, [Roles.Specialist, Roles.UnitLeader], formOfFirst.Stamp)));
        var refused = await Staff.UpdateAsync(second, new OfficerUpdate(officer.Id, "Hoàng Đức Minh", null, officer.UnitId, [Roles.Reception], formOfSecond.Stamp));

        var message = Assert.Single(refused[""]);
        Assert.StartsWith($"Tài khoản vừa được {firstName} lúc ", message);
        Assert.Contains("tải lại để xem thay đổi mới", message);
        var saved = (await Staff.DetailAsync(first, officer.Id, default))!;
        Assert.Equal("Hoàng Minh Đức", saved.FullName);
        Assert.Equal(new[] { Roles.Specialist, Roles.UnitLeader }.Order(), saved.Roles.Order());

        // Reloaded, the second administrator's change goes through on the new stamp.
        Assert.Empty(await Staff.UpdateAsync(second, new OfficerUpdate(officer.Id, "Hoàng Minh Đức", null, officer.UnitId, [Roles.Specialist], saved.Stamp)));
    }

    [Fact]
    public async Task Two_administrators_editing_the_settings_the_first_save_wins_and_the_second_form_writes_nothing()
    {
        var (first, firstName, second) = await TwoAdministratorsAsync();
        var settings = portal.Get<PortalSettings>();
        var (formOfFirst, _) = settings.Current();
        var (formOfSecond, _) = settings.Current();

        formOfFirst.DemoBanner = "Hệ thống bảo trì lúc 22:00 ngày 05/12/2026.";
        Assert.Empty(await settings.SaveAsync(first, formOfFirst));
        formOfSecond.LookupPerClient = 77;
        var refused = await settings.SaveAsync(second, formOfSecond);

        var message = Assert.Single(refused[""]);
        Assert.StartsWith($"Thiết lập vừa được {firstName} lúc ", message);
        await using (var db = portal.CreateDb())
        {
            Assert.False(await db.Settings.AnyAsync(s => s.Key == SettingKeys.LookupPerClient && s.Value == "77"));
            Assert.Equal(formOfFirst.DemoBanner, await db.Settings.Where(s => s.Key == SettingKeys.DemoBanner).Select(s => s.Value).SingleAsync());
        }

        var (reloaded, _) = settings.Current();
        Assert.Equal(formOfFirst.DemoBanner, reloaded.DemoBanner);
        reloaded.LookupPerClient = 77;
        Assert.Empty(await settings.SaveAsync(second, reloaded));
        Assert.Equal(77, settings.Current().Input.LookupPerClient);
    }

    [Fact]
    public async Task Two_administrators_changing_one_units_agency_code_the_second_is_told_the_code_now_in_force()
    {
        var (first, _, second) = await TwoAdministratorsAsync();
        var codes = portal.Get<AgencyCodeService>();
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        var shown = (await codes.SearchAsync(DemoSeeder.SaiGonCode, 0, 5)).Rows.Single(r => r.UnitId == saiGon).AgencyCode;

        Assert.Null(await codes.SetAsync(first, new AgencyCodeInput(saiGon, "000.26.01.H29", shown)));
        var refused = await codes.SetAsync(second, new AgencyCodeInput(saiGon, "000.26.02.H29", shown));

        Assert.Contains("vừa được", refused);
        Assert.Contains("đổi thành 000.26.01.H29", refused);
        await using var db = portal.CreateDb();
        Assert.Equal("000.26.01.H29", await db.Units.Where(u => u.Id == saiGon).Select(u => u.AgencyCode).SingleAsync());
    }

    [Fact]
    public async Task Demo_accounts_locked_at_start_outside_demo_mode_appear_in_the_audit_viewer_as_done_by_the_system()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var restart = ActivatorUtilities.CreateInstance<DatabaseInitializer>(portal.Services, Options.Create(new DemoOptions { Enabled = false }));

        await restart.InitializeAsync();

        var (rows, _) = await portal.Get<AuditTrailQuery>().SearchAsync(admin,
            new AuditFilter(Kind: AuditKind.Administrative, EntityType: nameof(AppUser), EntityKey: "congdan@demo.hcmc.vn"), 0, 20);
        var locked = Assert.Single(rows, r => r.Action == AdminAuditActions.Locked);
        Assert.Equal("Hệ thống", locked.ActorName);
        Assert.Contains("LockoutEnd", locked.After);
        await using var db = portal.CreateDb();
        Assert.NotNull(await db.Users.Where(u => u.Email == "congdan@demo.hcmc.vn").Select(u => u.LockoutEnd).SingleAsync());
    }

    [Fact]
    public async Task The_unit_list_is_paged_in_tree_order_and_searched_with_or_without_diacritics()
    {
        await using var db = portal.CreateDb();
        var all = await db.Units.CountAsync();

        var (first, total) = await UnitQueries.PageAsync(db, null, 0, 50);
        var (found, matches) = await UnitQueries.PageAsync(db, "Gò Vấp", 0, 50);
        var (folded, foldedMatches) = await UnitQueries.PageAsync(db, "  go VAP ", 0, 50);
        var (secondPage, _) = await UnitQueries.PageAsync(db, "phường", 1, 50);

        Assert.Equal(all, total);
        Assert.Equal(50, first.Count);
        Assert.Equal(first.Select(u => u.Code), (await db.Units.OrderBy(u => u.Path).Take(50).Select(u => u.Code).ToListAsync()));
        Assert.Contains(found, u => u.Name == "Quận Gò Vấp");
        Assert.All(found, u => Assert.Contains("Gò Vấp", u.Name));
        Assert.Equal(found.Count, matches);
        Assert.Equal(found, folded);
        Assert.Equal(matches, foldedMatches);
        Assert.Equal(50, secondPage.Count);
        Assert.All(secondPage, u => Assert.Contains("phuong", VietnameseText.Fold(u.Name)));
    }
}

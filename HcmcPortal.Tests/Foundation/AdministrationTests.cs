using System.Security.Claims;
using Bunit;
using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Admin.Audit;
using HcmcPortal.Admin.Settings;
using HcmcPortal.Admin.Users;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>Issue 15 items 3–6: staff accounts and the unit administrator's scope, the officer workbook, runtime settings, the audit trail.</summary>
public sealed class AdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private UserAdminService Staff => portal.Get<UserAdminService>();

    private async Task<Actor> UnitAdministratorOfSaiGonAsync()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        const string email = "quantri.saigon@example.vn";
        await using (var db = portal.CreateDb())
            if (!await db.Users.AnyAsync(u => u.Email == email))
                Assert.Empty(await Staff.CreateAsync(admin, new OfficerInput(email, "Ngô Thanh Vân", Roles.UnitAdmin, saiGon, "Qt@123456")));
        return await portal.ActorAsync(email);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = portal.CreateDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_unit_administrator_sees_and_changes_only_the_officers_of_their_own_unit()
    {
        var unitAdmin = await UnitAdministratorOfSaiGonAsync();
        var saiGon = unitAdmin.UnitId!.Value;
        var xuanHoa = await portal.UnitIdAsync(DemoSeeder.XuanHoaCode);
        var otherUnitsOfficer = await IdOfAsync("motcua.q3@demo.hcmc.vn");
        var ownOfficer = await IdOfAsync("chuyenvien.q1@demo.hcmc.vn");

        var (rows, total) = await Staff.SearchAsync(unitAdmin, null, null, 0, 100, default);
        Assert.True(total >= 3);
        Assert.All(rows, r => Assert.Equal("Phường Sài Gòn", r.UnitName));
        Assert.Equal(0, (await Staff.SearchAsync(unitAdmin, "motcua.q3", null, 0, 10, default)).Total);
        Assert.Null(await Staff.DetailAsync(unitAdmin, otherUnitsOfficer, default));
        Assert.Equal([saiGon], (await Staff.UnitsAsync(unitAdmin, default)).Select(u => u.Id));

        // Another unit's officer, another unit, a city-wide role: refused with the reason, nothing saved.
        Assert.Equal(StaffScope.OutOfScope, await Staff.LockAsync(unitAdmin, otherUnitsOfficer));
        Assert.Equal(StaffScope.OutOfScope, await Staff.ForcePasswordResetAsync(unitAdmin, otherUnitsOfficer));
        Assert.Equal([StaffScope.OutOfScope], (await Staff.UpdateAsync(unitAdmin, new OfficerUpdate(otherUnitsOfficer, "Phạm Văn Dũng", null, xuanHoa, [Roles.Reception])))[""]);
        Assert.Equal([StaffScope.OutOfScope], (await Staff.UpdateAsync(unitAdmin, new OfficerUpdate(ownOfficer, "Hoàng Minh Đức", null, xuanHoa, [Roles.Specialist])))[nameof(OfficerUpdate.UnitId)]);
        Assert.Equal([StaffScope.OutOfScope], (await Staff.CreateAsync(unitAdmin, new OfficerInput("x.q3@example.vn", "Lý Văn Xa", Roles.Reception, xuanHoa, "Cv@123456")))[nameof(OfficerInput.UnitId)]);
        Assert.Equal([StaffScope.OutOfScope], (await Staff.CreateAsync(unitAdmin, new OfficerInput("x.admin@example.vn", "Lý Văn Xa", Roles.Admin, saiGon, "Cv@123456")))[nameof(OfficerInput.UnitId)]);
        await using (var db = portal.CreateDb())
        {
            Assert.Equal(xuanHoa, await db.Users.Where(u => u.Id == otherUnitsOfficer).Select(u => u.UnitId).SingleAsync());
            Assert.False(await db.Users.AnyAsync(u => u.Email == "x.q3@example.vn" || u.Email == "x.admin@example.vn"));
            Assert.Null(await db.Users.Where(u => u.Id == otherUnitsOfficer).Select(u => u.LockoutEnd).SingleAsync());
        }

        // Their own officer: locked (sessions ended) and unlocked, each audited with who did it.
        Assert.Null(await Staff.LockAsync(unitAdmin, ownOfficer));
        Assert.True((await Staff.DetailAsync(unitAdmin, ownOfficer, default))!.LockedOut);
        Assert.Null(await Staff.UnlockAsync(unitAdmin, ownOfficer));
        await using (var db = portal.CreateDb())
        {
            var actions = await db.AdminAudit.Where(a => a.EntityType == nameof(AppUser) && a.ActorUserId == unitAdmin.UserId && a.UnitId == saiGon)
                .Select(a => a.Action).ToListAsync();
            Assert.Contains(AdminAuditActions.Locked, actions);
            Assert.Contains(AdminAuditActions.Unlocked, actions);
        }
    }

    [Fact]
    public async Task A_duplicate_cccd_or_a_missing_role_is_refused_by_field_and_nothing_is_saved()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        Assert.Empty(await Staff.CreateAsync(admin, new OfficerInput("cccd.a@example.vn", "Trần Văn An", Roles.Reception, saiGon, "Cv@123456", "079185000111")));
        var taken = await Staff.CreateAsync(admin, new OfficerInput("cccd.b@example.vn", "Trần Văn Bình", Roles.Reception, saiGon, "Cv@123456", "079185000111"));
        Assert.Equal(["Số CCCD này đã thuộc một tài khoản khác."], taken[nameof(OfficerInput.Cccd)]);
        var b = await IdOfAsync("lanhdao.q1@demo.hcmc.vn");
        Assert.Equal(["Số CCCD này đã thuộc một tài khoản khác."], (await Staff.UpdateAsync(admin, new OfficerUpdate(b, "Võ Thị Em", "079185000111", saiGon, [Roles.UnitLeader])))[nameof(OfficerUpdate.Cccd)]);
        Assert.Equal(["Cán bộ phải có ít nhất một vai trò."], (await Staff.UpdateAsync(admin, new OfficerUpdate(b, "Võ Thị Em", null, saiGon, [])))[nameof(OfficerUpdate.Roles)]);
        await using var db = portal.CreateDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "cccd.b@example.vn"));
        Assert.Null(await db.Users.Where(u => u.Id == b).Select(u => u.Cccd).SingleAsync());
    }

    private static List<string[]> Cells(byte[] workbook)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        var ws = wb.Worksheet(OfficerWorkbook.Sheet);
        return ws.RowsUsed().Select(r => Enumerable.Range(1, OfficerWorkbook.Columns.Length).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
    }

    [Fact]
    public async Task The_officer_workbook_round_trips_and_an_invalid_file_changes_nothing()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var workbook = portal.Get<OfficerWorkbook>();
        var exported = await workbook.ExportAsync(admin);
        var before = Cells(exported);
        Assert.Equal(OfficerWorkbook.Columns, before[0]);
        Assert.Contains(before, r => r[0] == "motcua.q1@demo.hcmc.vn" && r[3] == DemoSeeder.SaiGonCode && r[4] == Roles.Reception);
        Assert.DoesNotContain(before, r => r[0] == "congdan@demo.hcmc.vn");

        // Change two accounts, then import the exported file: it puts them back, and the next export is identical.
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        var specialist = await IdOfAsync("chuyenvien.vungtau@demo.hcmc.vn");
        var vungTau = await portal.UnitIdAsync(DemoSeeder.VungTauCode);
        Assert.Empty(await Staff.UpdateAsync(admin, new OfficerUpdate(specialist, "Mai Văn Phát Mới", null, saiGon, [Roles.Specialist, Roles.UnitLeader])));
        Assert.Null(await Staff.LockAsync(admin, await IdOfAsync("motcua.benthanh@demo.hcmc.vn")));
        var restored = await workbook.ImportAsync(admin, new MemoryStream(exported));
        Assert.True(restored.Applied, string.Join("\n", restored.Errors));
        Assert.Equal((0, 2), (restored.Created, restored.Updated));
        Assert.Equal(before.Select(r => string.Join("|", r)), Cells(await workbook.ExportAsync(admin)).Select(r => string.Join("|", r)));
        await using (var db = portal.CreateDb())
            Assert.Equal(vungTau, await db.Users.Where(u => u.Id == specialist).Select(u => u.UnitId).SingleAsync());

        // A file with one good new row and four bad ones: every error named by row and column, nothing applied.
        using var wb = new XLWorkbook(new MemoryStream(exported));
        var ws = wb.Worksheet(OfficerWorkbook.Sheet);
        var next = ws.LastRowUsed()!.RowNumber() + 1;
        void Row(int r, params string[] values)
        {
            for (var c = 0; c < values.Length; c++)
                ws.Cell(r, c + 1).SetValue(values[c]);
        }
        Row(next, "moi.q1@example.vn", "Đinh Công Mới", "", DemoSeeder.SaiGonCode, Roles.Reception, "");
        Row(next + 1, "sai.donvi@example.vn", "Đinh Công Sai", "", "99999", Roles.Reception, "");
        Row(next + 2, "sai.vaitro@example.vn", "Đinh Công Vai", "", DemoSeeder.SaiGonCode, "GiamDoc", "");
        Row(next + 3, "moi.q1@example.vn", "Đinh Công Trùng", "", DemoSeeder.SaiGonCode, Roles.Reception, "");
        Row(next + 4, "congdan@demo.hcmc.vn", "Nguyễn Văn Dân", "", DemoSeeder.SaiGonCode, Roles.Reception, "");
        using var bad = new MemoryStream();
        wb.SaveAs(bad);
        bad.Position = 0;
        var refused = await workbook.ImportAsync(admin, bad);
        Assert.False(refused.Applied);
        var messages = refused.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains($"Dòng {next + 1}, cột «Mã đơn vị»: Không có đơn vị nhận hồ sơ mã «99999».", messages);
        Assert.Contains(messages, m => m.StartsWith($"Dòng {next + 2}, cột «Vai trò»: Không có vai trò «GiamDoc»"));
        Assert.Contains($"Dòng {next + 3}, cột «Thư điện tử»: Thư điện tử moi.q1@example.vn đã có ở dòng {next}.", messages);
        await using (var db = portal.CreateDb())
            Assert.False(await db.Users.AnyAsync(u => u.Email == "moi.q1@example.vn" || u.Email == "sai.donvi@example.vn"));

        // The citizen's address is caught once the rows themselves are valid.
        ws.Row(next + 3).Delete();
        ws.Row(next + 2).Delete();
        ws.Row(next + 1).Delete();
        using var citizenFile = new MemoryStream();
        wb.SaveAs(citizenFile);
        citizenFile.Position = 0;
        var citizen = await workbook.ImportAsync(admin, citizenFile);
        Assert.Equal([$"Dòng {next + 1}, cột «Thư điện tử»: Địa chỉ này thuộc tài khoản người dân, không phải tài khoản cán bộ."], citizen.Errors.Select(e => e.ToString()));
        await using (var db = portal.CreateDb())
            Assert.False(await db.Users.AnyAsync(u => u.Email == "moi.q1@example.vn"));
    }

    [Fact]
    public async Task A_settings_change_takes_effect_without_restart_is_audited_and_keeps_the_smtp_password_secret()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var settings = portal.Get<PortalSettings>();
        var files = portal.Get<FileRules>();
        var twoMegabytes = new byte[2 * 1024 * 1024];
        "%PDF-"u8.CopyTo(twoMegabytes);
        Assert.Null(files.Check("hai-mb.pdf", twoMegabytes).Error);

        // Bad values: each named by its field, nothing saved.
        var (bad, _) = settings.Current();
        bad.UploadMaxMegabytes = -1;
        bad.PublicBaseUrl = "dichvucong hcmc";
        bad.SmtpFrom = "không-phải-thư";
        bad.LookupPerClient = 0;
        bad.AllowPdf = bad.AllowJpg = bad.AllowPng = false;
        var errors = await settings.SaveAsync(admin, bad);
        Assert.Equal(["Dung lượng tối đa của tệp phải từ 1 đến 100 MB."], errors[nameof(SettingsInput.UploadMaxMegabytes)]);
        Assert.Contains(nameof(SettingsInput.PublicBaseUrl), errors.Keys);
        Assert.Contains(nameof(SettingsInput.SmtpFrom), errors.Keys);
        Assert.Equal(["Tra cứu: số lần mỗi máy phải từ 1 đến 100.000."], errors[nameof(SettingsInput.LookupPerClient)]);
        Assert.Equal(["Phải cho phép ít nhất một định dạng tệp."], errors[nameof(SettingsInput.AllowPdf)]);
        await using (var db = portal.CreateDb())
            Assert.False(await db.Settings.AnyAsync());

        var (input, passwordSet) = settings.Current();
        Assert.False(passwordSet);
        input.UploadMaxMegabytes = 1;
        input.SmtpNewPassword = "mat-khau-smtp-bi-mat";
        Assert.Empty(await settings.SaveAsync(admin, input));
        try
        {
            // The same FileRules instance, no restart: the next check reads the new limit.
            Assert.Equal("Tệp «hai-mb.pdf» vượt quá dung lượng tối đa 1 MB.", files.Check("hai-mb.pdf", twoMegabytes).Error);
            var (after, set) = settings.Current();
            Assert.True(set);
            Assert.Null(after.SmtpNewPassword);
            await using var db = portal.CreateDb();
            var stored = await db.Settings.SingleAsync(s => s.Key == SettingKeys.SmtpPassword);
            Assert.True(stored.IsSecret);
            Assert.DoesNotContain("mat-khau", stored.Value);
            var audit = await db.AdminAudit.Where(a => a.EntityType == nameof(PortalSetting)).ToListAsync();
            var limit = Assert.Single(audit, a => a.EntityKey == SettingKeys.UploadMaxMegabytes);
            Assert.Equal(admin.UserId, limit.ActorUserId);
            Assert.Contains("\"Value\":\"1\"", limit.After);
            Assert.DoesNotContain(audit, a => (a.After ?? "").Contains("mat-khau"));
            Assert.Contains(AdminAuditTrail.SecretMask, audit.Single(a => a.EntityKey == SettingKeys.SmtpPassword).After);
        }
        finally
        {
            input.UploadMaxMegabytes = 10;
            input.SmtpNewPassword = null;
            Assert.Empty(await settings.SaveAsync(admin, input));
        }
        Assert.Null(files.Check("hai-mb.pdf", twoMegabytes).Error);
    }

    [Fact]
    public async Task The_audit_trail_is_searched_by_user_entity_and_period_and_its_export_opens_with_real_dates()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var officer = await IdOfAsync("lanhdao.vungtau@demo.hcmc.vn");
        Assert.Empty(await Staff.UpdateAsync(admin, new OfficerUpdate(officer, "Lưu Thị Quế Anh", null, await portal.UnitIdAsync(DemoSeeder.VungTauCode), [Roles.UnitLeader])));
        var audit = portal.Get<AuditTrailQuery>();
        var today = VietnamTime.Today(TimeProvider.System);

        var (rows, total) = await audit.SearchAsync(admin, new AuditFilter(User: "quantri", EntityType: nameof(AppUser), From: today, To: today), 0, 50);
        Assert.True(total >= 1);
        Assert.All(rows, r => Assert.Equal(AuditKind.Administrative, r.Kind));
        var rename = Assert.Single(rows, r => r.EntityKey == "lanhdao.vungtau@demo.hcmc.vn" && r.Action == AdminAuditActions.Updated);
        Assert.Equal("Đỗ Hữu Hạnh", rename.ActorName);
        Assert.Equal("{\"FullName\":\"Lưu Thị Quế\"}", rename.Before);
        Assert.Equal("{\"FullName\":\"Lưu Thị Quế Anh\"}", rename.After);
        Assert.Equal(0, (await audit.SearchAsync(admin, new AuditFilter(User: "quantri", To: today.AddDays(-400)), 0, 10)).Total);

        // Dossier actions come from the dossiers' own trail, paged in the database with the administrative rows.
        var dossiers = await audit.SearchAsync(admin, new AuditFilter(Kind: AuditKind.Dossier), 0, 10);
        Assert.Equal(10, dossiers.Rows.Count);
        Assert.All(dossiers.Rows, r => Assert.Equal(AuditTrailQuery.DossierEntity, r.EntityType));
        var all = await audit.SearchAsync(admin, new AuditFilter(), 0, 5);
        Assert.True(all.Total > dossiers.Total);
        Assert.Equal(all.Rows.Select(r => r.At).OrderByDescending(a => a), all.Rows.Select(r => r.At));

        // A unit administrator reads the rows of their unit only; an officer reads nothing.
        var unitAdmin = await UnitAdministratorOfSaiGonAsync();
        var own = await audit.SearchAsync(unitAdmin, new AuditFilter(Kind: AuditKind.Dossier), 0, 50);
        Assert.All(own.Rows, r => Assert.Equal("Phường Sài Gòn", r.UnitName));
        Assert.Equal(0, (await audit.SearchAsync(await portal.ActorAsync("motcua.q1@demo.hcmc.vn"), new AuditFilter(), 0, 10)).Total);

        var filter = new AuditFilter(User: "quantri", From: today, To: today);
        var (shown, count) = await audit.SearchAsync(admin, filter, 0, AuditTrailQuery.ExportCap);
        using var wb = new XLWorkbook(new MemoryStream(await audit.ExportAsync(admin, filter)));
        var ws = wb.Worksheet("Nhật ký");
        Assert.Equal("Thời điểm", ws.Cell(1, 1).GetString());
        Assert.Equal(count, ws.RowsUsed().Count() - 1);
        Assert.Equal(XLDataType.DateTime, ws.Cell(2, 1).DataType);
        Assert.Equal(VietnamTime.ToLocal(shown[0].At), ws.Cell(2, 1).GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("dd/MM/yyyy HH:mm:ss", ws.Cell(2, 1).Style.DateFormat.Format);
    }
}

/// <summary>The unit administrator's scope through the page: the list shows only their unit, another unit's officer cannot be found.</summary>
public sealed class UnitAdministratorPageTests(PortalFactory portal) : BunitTestBase, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_users_page_of_a_unit_administrator_lists_only_their_units_officers()
    {
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var saiGon = await portal.UnitIdAsync(DemoSeeder.SaiGonCode);
        Assert.Empty(await portal.Get<UserAdminService>().CreateAsync(admin, new OfficerInput("qtdv.page@example.vn", "Tạ Minh Quân", Roles.UnitAdmin, saiGon, "Qt@123456")));
        var unitAdmin = await portal.ActorAsync("qtdv.page@example.vn");
        Services.AddSingleton(portal.Get<UserAdminService>());
        Services.AddSingleton(portal.Get<OfficerWorkbook>());
        var auth = AddAuthorization();
        auth.SetAuthorized(unitAdmin.Name);
        auth.SetRoles(Roles.UnitAdmin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, unitAdmin.UserId), new Claim(PortalClaims.UnitId, saiGon.ToString()),
            new Claim(PortalClaims.UnitName, "Phường Sài Gòn"));
        OnLiveCircuit();
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains("motcua.q1@demo.hcmc.vn", page.Find("[data-test=users-grid]").TextContent), TimeSpan.FromSeconds(30));
        Assert.Contains("Phường Sài Gòn", page.Find("[data-test=unit-scope]").TextContent);
        Assert.DoesNotContain("motcua.q3@demo.hcmc.vn", page.Find("[data-test=users-grid]").TextContent);
        page.Find("input[data-test=users-search]").Input("motcua.q3");
        page.WaitForAssertion(() => Assert.DoesNotContain("motcua.q1@demo.hcmc.vn", page.Find("[data-test=users-grid]").TextContent), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("motcua.q3@demo.hcmc.vn", page.Find("[data-test=users-grid]").TextContent);
    }
}

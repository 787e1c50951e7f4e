using Bunit;
using HcmcPortal.Admin;
using HcmcPortal.Admin.Users;
using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>Issue 11 item 10: procedure names in sentence case and Vietnamese alphabetical order.</summary>
public sealed class ProcedureNamesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Vietnamese_order_puts_each_letter_after_its_plain_form()
    {
        // a < ă < â, d < đ, u < ư: "Chuyển" before "Chứng", every "D…" before "Đ…"; folded text would say the opposite.
        string[] names = ["Chứng thực", "Đăng ký", "Chuyển trường", "Dịch vụ", "Ăn uống", "Âm nhạc", "Áo", "Cấp phép"];
        Assert.Equal(["Áo", "Ăn uống", "Âm nhạc", "Cấp phép", "Chuyển trường", "Chứng thực", "Dịch vụ", "Đăng ký"],
            names.Order(VietnameseText.Order));
    }

    [Theory]
    [InlineData("ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh")]
    [InlineData("Đăng Ký Lại Khai Sinh", "Đăng ký lại khai sinh")]
    [InlineData("Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện")]
    [InlineData("Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam")]
    public void Names_in_capitals_or_title_case_become_sentence_case_and_proper_nouns_stay(string stored, string expected) =>
        Assert.Equal(expected, VietnameseText.SentenceCase(stored));

    [Fact]
    public void Reference_procedure_names_are_in_sentence_case()
    {
        foreach (var p in ReferenceProcedures.All())
        {
            Assert.Equal(p.Name, VietnameseText.SentenceCase(p.Name));
            Assert.DoesNotContain(" Giấy ", p.Name);
            Assert.DoesNotContain(" Phiếu ", p.Name);
        }
    }

    [Fact]
    public async Task The_catalogue_and_the_admin_list_are_in_Vietnamese_order_and_an_older_database_gets_sentence_case()
    {
        // An older database: names stored as the seed once wrote them, one in capitals.
        await using (var db = portal.CreateDb())
        {
            await db.Procedures.Where(p => p.Code == "1.004873").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Cấp Giấy xác nhận tình trạng hôn nhân"));
            await db.Procedures.Where(p => p.Code == "2.000488").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "CẤP PHIẾU LÝ LỊCH TƯ PHÁP"));
            db.ActorId = ReferenceSeeder.SystemActor;
            await ReferenceSeeder.SeedAsync(db, default);
        }
        await using (var db = portal.CreateDb())
        {
            Assert.Equal("Cấp giấy xác nhận tình trạng hôn nhân", await db.Procedures.Where(p => p.Code == "1.004873").Select(p => p.Name).SingleAsync());
            Assert.Equal("Cấp phiếu lý lịch tư pháp", await db.Procedures.Where(p => p.Code == "2.000488").Select(p => p.Name).SingleAsync());
        }

        var catalogue = portal.Get<ProcedureCatalog>();
        var first = await catalogue.SearchAsync(new ProcedureQuery(PageSize: 20));
        var second = await catalogue.SearchAsync(new ProcedureQuery(Page: 1, PageSize: 20));
        var listed = first.Items.Concat(second.Items).Select(p => p.Name).ToList();
        Assert.Equal(first.Total, listed.Count);
        Assert.Equal(listed.Order(VietnameseText.Order), listed);
        Assert.True(listed.IndexOf("Chuyển trường đối với học sinh trung học cơ sở") < listed.IndexOf("Chứng thực chữ ký trong các giấy tờ, văn bản"));
        Assert.True(listed.FindLastIndex(n => n.StartsWith('D')) < listed.FindIndex(n => n.StartsWith('Đ')));

        var admin = await portal.Get<AdminCatalog>().ListProceduresAsync(null, 0, 100);
        Assert.Equal(admin.Rows.Select(r => r.Name).Order(VietnameseText.Order), admin.Rows.Select(r => r.Name));
        Assert.Equal(first.Items.Select(p => p.Name), admin.Rows.Select(r => r.Name).Take(20));
    }
}

/// <summary>Issue 11 item 10: the create-staff form shows each refusal beside its field and keeps what was typed.</summary>
public sealed class StaffFormTests(PortalFactory portal) : BunitTestBase, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_refused_staff_account_shows_its_errors_beside_the_fields_and_keeps_what_was_typed()
    {
        Services.AddSingleton(portal.Get<UserAdminService>());
        Services.AddSingleton(portal.Get<OfficerWorkbook>());
        var administrator = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var auth = AddAuthorization();
        auth.SetAuthorized(administrator.Name);
        auth.SetRoles(Roles.Admin);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, administrator.UserId));
        OnLiveCircuit();
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<UsersPage>();
        // The page has read its user and the grid its first page before anything is typed.
        page.WaitForAssertion(() => Assert.Contains("demo.hcmc.vn", page.Find("[data-test=users-grid]").TextContent), TimeSpan.FromSeconds(30));
        page.Find("input[data-test=staff-name]").Change("Trương Văn Tài");
        page.Find("input[data-test=staff-email]").Change("không-phải-địa-chỉ");
        page.Find("input[data-test=staff-password]").Change("Cv@123456");
        await page.FindAll("button").Single(b => b.TextContent.Contains("Tạo tài khoản")).ClickAsync(new());

        string? ErrorBeside(string field) => page.Find($"[data-test={field}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent;
        page.WaitForAssertion(() => Assert.Equal("Cán bộ phải thuộc một đơn vị.", ErrorBeside("staff-unit")));
        Assert.Equal("Thư điện tử không hợp lệ.", ErrorBeside("staff-email"));
        Assert.Null(ErrorBeside("staff-name"));
        Assert.Null(ErrorBeside("staff-password"));
        Assert.Equal("Trương Văn Tài", page.Find("input[data-test=staff-name]").GetAttribute("value"));
        Assert.Equal("không-phải-địa-chỉ", page.Find("input[data-test=staff-email]").GetAttribute("value"));
    }
}

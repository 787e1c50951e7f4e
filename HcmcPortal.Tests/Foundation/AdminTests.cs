using HcmcPortal.Data.Seed;
using HcmcPortal.Admin.Users;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

public sealed class AdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_creates_an_officer_who_belongs_to_one_unit()
    {
        var service = portal.Services.GetRequiredService<UserAdminService>();
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var q3 = (await service.UnitsAsync(admin, default)).Single(u => u.Code == DemoSeeder.XuanHoaCode);
        // Each refusal names the field it belongs to, so the form shows it beside that field.
        var noUnit = await service.CreateAsync(admin, new OfficerInput("cv.q3@example.vn", "Trương Văn Tài", Roles.Specialist, null, "Cv@123456"));
        Assert.Equal(["Cán bộ phải thuộc một đơn vị."], noUnit[nameof(OfficerInput.UnitId)]);
        Assert.Single(noUnit);
        Assert.Empty(await service.CreateAsync(admin, new OfficerInput("cv.q3@example.vn", "Trương Văn Tài", Roles.Specialist, q3.Id, "Cv@123456")));
        var taken = await service.CreateAsync(admin, new OfficerInput("cv.q3@example.vn", "Trương Văn Tài", Roles.Specialist, q3.Id, "Cv@123456"));
        Assert.Equal([nameof(OfficerInput.Email)], taken.Keys);
        var weak = await service.CreateAsync(admin, new OfficerInput("cv2.q3@example.vn", "", Roles.Specialist, q3.Id, "abc"));
        Assert.Contains(nameof(OfficerInput.FullName), weak.Keys);

        await using var db = portal.CreateDb();
        Assert.Equal(q3.Id, await db.Users.Where(u => u.Email == "cv.q3@example.vn").Select(u => u.UnitId).SingleAsync());
        var (rows, total) = await service.SearchAsync(admin, "cv.q3", null, 0, 10, default);
        Assert.Equal(1, total);
        Assert.Equal("Chuyên viên xử lý", rows[0].Roles);
    }

    [Fact]
    public async Task Admin_pages_answer_the_administrator_only()
    {
        var admin = portal.CreateClient();
        await admin.SignInAsync("quantri@demo.hcmc.vn");
        Assert.Contains("Người dùng", await admin.GetStringAsync("/quan-tri/nguoi-dung"));
        Assert.Contains("data-test=\"units-search\"", await admin.GetStringAsync("/quan-tri/don-vi"));

        var citizen = portal.CreateClient();
        await citizen.SignInAsync("congdan@demo.hcmc.vn");
        var denied = await citizen.GetStringAsync("/quan-tri/nguoi-dung");
        Assert.Contains("Bạn không có quyền truy cập trang này.", denied);
        Assert.DoesNotContain("quantri@demo.hcmc.vn", denied);
    }
}

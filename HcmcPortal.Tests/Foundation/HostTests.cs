using System.Net;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Foundation;

public sealed class HostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_page_is_Vietnamese_by_default()
    {
        var html = await portal.CreateClient().GetStringAsync("/");
        Assert.Contains("Cổng dịch vụ công TP. Hồ Chí Minh", html);
        Assert.Contains("lang=\"vi\"", html);
    }

    [Fact]
    public async Task English_is_a_switchable_second_culture()
    {
        var client = portal.CreateClient();
        var switched = await client.GetAsync("/culture/en-GB?returnUrl=/");
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Contains("Ho Chi Minh City Public Services Portal", await switched.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_page_shows_the_Vietnamese_not_found_page()
    {
        var response = await portal.CreateClient().GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reference_data_is_seeded_at_first_start()
    {
        await using var db = portal.CreateDb();
        Assert.Equal(22, await db.Units.CountAsync(u => u.Level == UnitLevel.District));
        Assert.True(await db.Units.CountAsync(u => u.Level == UnitLevel.Commune) >= 66);
        Assert.True(await db.Procedures.CountAsync() >= 30);
        Assert.True(await db.Calendar.CountAsync(c => c.Date.Year == 2027) >= 11);
        Assert.Equal(DemoSeeder.Accounts.Length, await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.hcmc.vn")));
    }

    [Fact]
    public async Task Demo_dossiers_cover_every_status_and_every_district()
    {
        await using var db = portal.CreateDb();
        var statuses = await db.Dossiers.Select(d => d.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<DossierStatus>().Except([DossierStatus.SupplementRequested + 0]).Count(), statuses.Except([DossierStatus.SupplementRequested]).Count());
        var districtsWithDossiers = await db.Dossiers.Select(d => d.UnitId).Distinct().CountAsync();
        Assert.Equal(22, districtsWithDossiers);
    }

    [Fact]
    public async Task Units_form_a_tree_with_validity_dates()
    {
        await using var db = portal.CreateDb();
        var q1 = await db.Units.SingleAsync(u => u.Code == "760");
        var city = await db.Units.SingleAsync(u => u.Code == "79");
        Assert.Equal(city.Id, q1.ParentId);
        Assert.StartsWith(city.Path, q1.Path);
        Assert.Equal(new DateOnly(2025, 6, 30), q1.ValidTo);
        Assert.True(await db.Units.AnyAsync(u => u.ParentId == q1.Id && u.Path.StartsWith(q1.Path)));
    }

    [Fact]
    public async Task MudBlazor_texts_are_Vietnamese_too()
    {
        var html = await portal.CreateClient().GetStringAsync("/thu-tuc");
        Assert.Contains("Số dòng mỗi trang", html);
        Assert.DoesNotContain("Rows per page", html);
    }
}

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
        // 273 old HCMC wards (until 30/06/2025) and 168 commune-level units (from 01/07/2025), with their links.
        Assert.Equal(273, await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.ValidTo == new DateOnly(2025, 6, 30)));
        Assert.Equal(168, await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.ValidFrom == new DateOnly(2025, 7, 1)));
        Assert.Equal(113, await db.Units.CountAsync(u => u.Kind == "Phường" && u.ValidFrom == new DateOnly(2025, 7, 1)));
        Assert.Equal(54, await db.Units.CountAsync(u => u.Kind == "Xã" && u.ValidFrom == new DateOnly(2025, 7, 1)));
        Assert.Equal(1, await db.Units.CountAsync(u => u.Kind == "Đặc khu"));
        Assert.Equal(ReferenceUnits.Build().Successions.Count, await db.UnitSuccessions.CountAsync());
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
        // Before 01/07/2025 at the 22 districts, from that day at the commune-level centres only.
        var reform = new DateTime(2025, 6, 30, 17, 0, 0, DateTimeKind.Utc); // 01/07/2025 00:00 in Ho Chi Minh City
        var before = await db.Dossiers.Where(d => d.SubmittedAt < reform).Select(d => d.Unit!.Level).Distinct().ToListAsync();
        var after = await db.Dossiers.Where(d => d.SubmittedAt >= reform).Select(d => new { d.Unit!.Level, d.Unit.ValidFrom }).Distinct().ToListAsync();
        Assert.Equal([UnitLevel.District], before);
        Assert.All(after, u => Assert.Equal((UnitLevel.Commune, new DateOnly(2025, 7, 1)), (u.Level, u.ValidFrom)));
        Assert.Equal(22, await db.Dossiers.Where(d => d.SubmittedAt < reform).Select(d => d.UnitId).Distinct().CountAsync());
        Assert.True(await db.Dossiers.Where(d => d.SubmittedAt >= reform).Select(d => d.UnitId).Distinct().CountAsync() >= 50);
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

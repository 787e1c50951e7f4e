using System.Net;
using System.Net.Http.Json;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Foundation;

/// <summary>The portal started as in production: Production environment, no Demo:Enabled, the first administrator from configuration.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    public const string AdminEmail = "quantri@hochiminhcity.gov.vn";
    public const string AdminPassword = "Qu@nTri-2026-HCM";
    protected override string EnvironmentName => "Production";
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = null,
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
    };
}

/// <summary>Issue 10 item 2: no demo doors outside demo mode.</summary>
public sealed class ProductionStartTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Without_Demo_Enabled_there_are_no_demo_accounts_and_no_demo_dossiers()
    {
        await using var db = portal.CreateDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.hcmc.vn")));
        Assert.Equal(0, await db.Dossiers.CountAsync());
        Assert.True(await db.Procedures.AnyAsync(), "reference data is still seeded");
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_and_signs_in()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SignInAsync(ProductionPortalFactory.AdminEmail, ProductionPortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri/nguoi-dung", response.Headers.Location!.AbsolutePath);
        // The demo administrator does not exist here: the sign-in form answers again, with its message.
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("quantri@demo.hcmc.vn", DemoOptions.Password)).StatusCode);
    }

    [Fact]
    public async Task The_published_demo_password_is_refused_for_any_account()
    {
        var response = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/register", new
        {
            email = "nguoi.dan@example.vn", password = DemoOptions.Password, fullName = "Nguyễn Văn Dân", cccd = "079203001299", phone = "0909123123",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đã được công bố", await response.Content.ReadAsStringAsync());
        await using var db = portal.CreateDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nguoi.dan@example.vn"));
    }

    [Fact]
    public async Task Demo_accounts_left_in_the_database_are_locked_at_a_production_start()
    {
        // A database that once ran in demo mode, started again without it.
        using var demo = new PortalFactory();
        demo.StartServer();
        var path = demo.DatabasePath;
        using var production = new ReusedDatabaseFactory(path);
        production.StartServer();
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SignInAsync("quantri@demo.hcmc.vn", DemoOptions.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tạm khóa", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_by_AllowedHosts()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        forged.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    private sealed class ReusedDatabaseFactory(string path) : PortalFactory
    {
        protected override string EnvironmentName => "Production";
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = null,
            ["ConnectionStrings:Sqlite"] = $"Data Source={path}",
        };
    }
}

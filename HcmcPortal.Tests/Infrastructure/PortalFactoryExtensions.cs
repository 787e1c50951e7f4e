using HcmcPortal.Units;
using System.Security.Claims;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Dossiers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Infrastructure;

/// <summary>Test steps every feature's tests share.</summary>
public static class PortalFactoryExtensions
{
    public static T Get<T>(this PortalFactory portal) where T : notnull => portal.Services.GetRequiredService<T>();

    public static DossierService Dossiers(this PortalFactory portal) => portal.Get<DossierService>();

    /// <summary>The actor a demo account acts as, built by the app's own claims factory (unit, path, roles) as at sign-in.</summary>
    public static async Task<Actor> ActorAsync(this PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync((await users.FindByEmailAsync(email))!);
        return Actor.From(new ClaimsPrincipal(principal.Identities.Select(i => new ClaimsIdentity(i.Claims, "test"))))!;
    }

    public static async Task<int> UnitIdAsync(this PortalFactory portal, string code)
    {
        await using var db = portal.CreateDb();
        // The unit with that code today, or the dissolved one that last had it (e.g. "760", Quận 1).
        return (await db.Units.ByCodeAsOfAsync(code, HcmcPortal.Domain.VietnamTime.Today(TimeProvider.System)))!.Id;
    }
}

/// <summary>The smallest files that pass the magic-byte checks.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text = "to khai") => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
}

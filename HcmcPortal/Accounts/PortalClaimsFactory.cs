using System.Security.Claims;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>Puts the full name and the officer's unit (id, tree path, name) into the sign-in cookie or bearer token.</summary>
public sealed class PortalClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.UnitId is int unitId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Path, u.Name }).SingleAsync();
            identity.AddClaim(new Claim(PortalClaims.UnitId, unitId.ToString()));
            identity.AddClaim(new Claim(PortalClaims.UnitPath, unit.Path));
            identity.AddClaim(new Claim(PortalClaims.UnitName, unit.Name));
        }
        return identity;
    }
}

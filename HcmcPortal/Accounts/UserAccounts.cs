using HcmcPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace HcmcPortal.Accounts;

public static class UserAccounts
{
    /// <summary>Creates an account with its role, or none at all: an account without a role would see nothing and be stuck.</summary>
    public static async Task<IdentityResult> CreateWithRoleAsync(this UserManager<AppUser> users, AppUser user, string password, string role)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return created;
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
            await users.DeleteAsync(user);
        return added;
    }
}

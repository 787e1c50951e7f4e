using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The error code of <see cref="CreateCitizenAsync"/> when the CCCD already has an account.</summary>
    public const string DuplicateCccd = "DuplicateCccd";

    /// <summary>
    /// Registers a citizen (web page and API alike): one person, one account, so a CCCD that already has an account is
    /// refused. The message tells how to get that account back and never whose it is.
    /// </summary>
    public static async Task<IdentityResult> CreateCitizenAsync(this UserManager<AppUser> users, AppUser user, string password)
    {
        if (await users.CccdTakenAsync(user.Cccd, exceptUserId: null))
            return IdentityResult.Failed(new IdentityError { Code = DuplicateCccd, Description = DuplicateCccdMessage });
        return await users.CreateWithRoleAsync(user, password, Roles.Citizen);
    }

    /// <summary>Whether another account already holds this CCCD.</summary>
    public static Task<bool> CccdTakenAsync(this UserManager<AppUser> users, string? cccd, string? exceptUserId) =>
        string.IsNullOrWhiteSpace(cccd) ? Task.FromResult(false)
            : users.Users.AnyAsync(u => u.Cccd == cccd.Trim() && u.Id != exceptUserId);

    public const string DuplicateCccdMessage =
        "Số CCCD này đã có tài khoản trên Cổng. Nếu đó là tài khoản của bạn, hãy dùng «Quên mật khẩu» với địa chỉ thư điện tử đã đăng ký để đặt lại mật khẩu; "
        + "nếu bạn chưa từng đăng ký hoặc không còn dùng thư điện tử đó, vui lòng đến Bộ phận tiếp nhận và trả kết quả để được hỗ trợ.";
}

using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Accounts;

/// <summary>The first administrator of a production install (<c>Admin:Email</c>, <c>Admin:Password</c>; docs/security.md).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// Outside demo mode no account exists at first start. Given <c>Admin__Email</c> and <c>Admin__Password</c> (environment
/// variables or <c>-- --Admin:Email=… --Admin:Password=…</c> on the command line), the start creates that administrator;
/// without any administrator it logs how to create one.
/// </summary>
public static class FirstAdministrator
{
    public const string HowTo =
        "No administrator account exists. Create the first one by starting the portal once with Admin__Email and Admin__Password " +
        "set (environment variables), or: dotnet run --project HcmcPortal.csproj -- --Admin:Email=you@example.gov.vn --Admin:Password='…' " +
        "(see docs/security.md). Remove the password from the environment afterwards.";

    public static async Task EnsureAsync(UserManager<AppUser> users, AdminOptions options, TimeProvider clock, ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(options.Email) && !string.IsNullOrEmpty(options.Password)
            && await users.FindByEmailAsync(options.Email.Trim()) is null)
        {
            var email = options.Email.Trim();
            var admin = new AppUser { UserName = email, Email = email, FullName = "Quản trị hệ thống", CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateWithRoleAsync(admin, options.Password, Roles.Admin);
            if (created.Succeeded)
                log.LogWarning("Created the administrator account {Email} from Admin:Email", email);
            else
                log.LogError("Could not create the administrator {Email}: {Errors}", email, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
            log.LogWarning(HowTo);
    }
}

/// <summary>The demo password is published in the README: outside demo mode no account may use it.</summary>
public sealed class DemoPasswordValidator(IOptions<DemoOptions> demo) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(demo.Value.Enabled != true && string.Equals(password, DemoOptions.Password, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordPublished", Description = "Mật khẩu này đã được công bố (tài khoản trình diễn). Vui lòng chọn mật khẩu khác." })
            : IdentityResult.Success);
}

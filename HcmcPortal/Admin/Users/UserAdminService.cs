using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, string? UnitName, string Roles, bool LockedOut);
public sealed record UnitOption(int Id, string Name, string Code, UnitLevel Level);
public sealed record OfficerInput(string Email, string FullName, string Role, int? UnitId, string Password);

/// <summary>Administrator's user management: officers belong to one unit, which scopes what they see.</summary>
public sealed class UserAdminService(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> SearchAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            users = users.Where(u => u.Email!.Contains(s) || u.FullName.Contains(s));
        }
        var total = await users.CountAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await users.OrderBy(u => u.Email).Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, UnitName = u.Unit != null ? u.Unit.Name : null, u.LockoutEnd,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(u => new UserRow(u.Id, u.Email!, u.FullName, u.UnitName,
            string.Join(", ", u.Roles.Select(r => Domain.Roles.DisplayName(r!))), u.LockoutEnd > now)).ToList(), total);
    }

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Staff work at the city or at a reception centre that exists today; a dissolved unit is never offered.
        var centres = Reception.Centres(db.Units, ProcedureLevel.District, VietnamTime.Today(clock));
        return await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province || centres.Any(c => c.Id == u.Id))
            .OrderBy(u => u.Level).ThenBy(u => u.Code).Select(u => new UnitOption(u.Id, u.Name, u.Code, u.Level)).ToListAsync(ct);
    }

    /// <summary>Creates a staff account; returns Vietnamese errors, empty on success.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(OfficerInput input)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.FullName)) errors.Add("Vui lòng nhập họ và tên.");
        if (!Domain.Roles.All.Contains(input.Role) || input.Role == Domain.Roles.Citizen) errors.Add("Vui lòng chọn vai trò cán bộ.");
        if (input.UnitId is null) errors.Add("Cán bộ phải thuộc một đơn vị.");
        if (errors.Count > 0) return errors;
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true,
            FullName = input.FullName.Trim(), UnitId = input.UnitId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateWithRoleAsync(user, input.Password, input.Role);
        return created.Succeeded ? [] : created.Errors.Select(e => e.Description).ToList();
    }

    public async Task UnlockAsync(string userId)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
    }
}

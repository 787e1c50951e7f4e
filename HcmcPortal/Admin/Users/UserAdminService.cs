using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Validation;
using FluentValidation;
using HcmcPortal.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, string? UnitName, string Roles, bool LockedOut);
public sealed record UnitOption(int Id, string Name, string Code, UnitLevel Level);
public sealed record OfficerInput(string Email, string FullName, string Role, int? UnitId, string Password);

/// <summary>A staff account: the person rules for the name and e-mail, a role that is not the citizen's, one unit.</summary>
public sealed class OfficerInputValidator : AbstractValidator<OfficerInput>
{
    public OfficerInputValidator()
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Email).Email(required: true, "Vui lòng nhập thư điện tử.");
        RuleFor(x => x.Role).Must(r => Domain.Roles.All.Contains(r) && r != Domain.Roles.Citizen).WithMessage("Vui lòng chọn vai trò cán bộ.");
        RuleFor(x => x.UnitId).NotNull().WithMessage("Cán bộ phải thuộc một đơn vị.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu.");
    }
}

/// <summary>Administrator's user management: officers belong to one unit, which scopes what they see.</summary>
public sealed class UserAdminService(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider clock, IValidator<OfficerInput> validator)
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
            string.Join(", ", u.Roles.Select(r => Localization.DossierNames.Role(r!))), u.LockoutEnd > now)).ToList(), total);
    }

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Staff work at the city or at a reception centre that exists today; a dissolved unit is never offered.
        var centres = Reception.Centres(db.Units, ProcedureLevel.District, VietnamTime.Today(clock));
        return await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province || centres.Any(c => c.Id == u.Id))
            .OrderBy(u => u.Level).ThenBy(u => u.Code).Select(u => new UnitOption(u.Id, u.Name, u.Code, u.Level)).ToListAsync(ct);
    }

    /// <summary>Creates a staff account; returns Vietnamese errors keyed by the <see cref="OfficerInput"/> field they belong to, empty on success.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CreateAsync(OfficerInput input)
    {
        var check = await validator.ValidateAsync(input);
        if (!check.IsValid)
            return check.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = TextRules.Normalize(input.Email), Email = TextRules.Normalize(input.Email), EmailConfirmed = true,
            FullName = TextRules.Normalize(input.FullName)!, UnitId = input.UnitId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateWithRoleAsync(user, input.Password, input.Role);
        if (created.Succeeded)
            return new Dictionary<string, string[]>();
        // Identity's refusals are about the password (its rules) or the address (already taken).
        return created.Errors.GroupBy(e => e.Code.StartsWith("Password") ? nameof(OfficerInput.Password) : nameof(OfficerInput.Email))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
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

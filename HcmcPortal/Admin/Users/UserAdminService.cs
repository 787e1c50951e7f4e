using FluentValidation;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Localization;
using HcmcPortal.Units;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, string? UnitName, string Roles, bool LockedOut, DateTime? LastSignInAt);
public sealed record UnitOption(int Id, string Name, string Code, UnitLevel Level);
public sealed record OfficerInput(string Email, string FullName, string Role, int? UnitId, string Password, string? Cccd = null);

/// <summary>
/// A change to an existing staff account: name, CCCD, unit and roles. <paramref name="Stamp"/> is the account's
/// concurrency stamp as the form loaded it (<see cref="UserDetail.Stamp"/>): a change saved since then wins, and this one is refused.
/// </summary>
public sealed record OfficerUpdate(string UserId, string FullName, string? Cccd, int? UnitId, IReadOnlyList<string> Roles, string? Stamp = null);

public sealed record UserDetail(string Id, string Email, string FullName, string? Cccd, int? UnitId, string? UnitName, IReadOnlyList<string> Roles,
    bool LockedOut, bool HasPassword, DateTime CreatedAt, DateTime? LastSignInAt, string? Stamp = null);

/// <summary>A staff account: the person rules for the name and e-mail, a role that is not the citizen's, one unit.</summary>
public sealed class OfficerInputValidator : AbstractValidator<OfficerInput>
{
    public OfficerInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Email).Email(required: true, "Validation.Email.Required");
        RuleFor(x => x.Role).Must(StaffScope.IsStaffRole).WithMessage(_ => UiTexts.Get("Admin_Users.Result.RoleRequired"));
        RuleFor(x => x.UnitId).NotNull().When(x => StaffScope.NeedsUnit([x.Role])).WithMessage(_ => UiTexts.Get("Admin_Users.Result.UnitRequired"));
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => UiTexts.Get("Validation.Password.Required"));
        RuleFor(x => x.Cccd).CccdNumber(clock).When(x => !string.IsNullOrWhiteSpace(x.Cccd));
    }
}

public sealed class OfficerUpdateValidator : AbstractValidator<OfficerUpdate>
{
    public OfficerUpdateValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).PersonName();
        RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => UiTexts.Get("Admin_Users.Result.RolesRequired"))
            .Must(r => r.All(StaffScope.IsStaffRole)).WithMessage(_ => UiTexts.Get("Admin_Users.Result.RoleInvalid"));
        RuleFor(x => x.UnitId).NotNull().When(x => StaffScope.NeedsUnit(x.Roles)).WithMessage(_ => UiTexts.Get("Admin_Users.Result.UnitRequired"));
        RuleFor(x => x.Cccd).CccdNumber(clock).When(x => !string.IsNullOrWhiteSpace(x.Cccd));
    }
}

/// <summary>
/// Who manages which staff account — the one rule for the pages, the import and any endpoint: an administrator manages
/// every account; a unit administrator only the officers (reception, specialist, leader) of their own unit.
/// </summary>
public static class StaffScope
{
    public static string OutOfScope => UiTexts.Get("Admin_Users.Result.OutOfScope");

    public static bool IsStaffRole(string? role) => role is not null && Roles.All.Contains(role) && role != Roles.Citizen;

    /// <summary>Officers and unit administrators work in a unit; city-wide roles (administrator, evaluator) need none.</summary>
    public static bool NeedsUnit(IEnumerable<string> roles) => roles.Any(r => Roles.Officers.Contains(r) || r == Roles.UnitAdmin);

    public static bool ManagesUsers(Actor actor) => actor.IsInRole(Roles.Admin) || (actor.IsInRole(Roles.UnitAdmin) && actor.UnitId is not null);

    /// <summary>Whether <paramref name="actor"/> may give an account these roles in this unit (or manage an account that has them).</summary>
    public static bool CanManage(Actor actor, int? unitId, IEnumerable<string> roles) =>
        actor.IsInRole(Roles.Admin)
        || (actor.IsInRole(Roles.UnitAdmin) && actor.UnitId is int own && unitId == own && roles.All(r => Roles.Officers.Contains(r)));

    /// <summary>The accounts <paramref name="actor"/> sees in the list: all for an administrator, their unit's for a unit administrator.</summary>
    public static IQueryable<AppUser> VisibleTo(this IQueryable<AppUser> users, Actor actor) =>
        actor.IsInRole(Roles.Admin) ? users
        : actor.IsInRole(Roles.UnitAdmin) && actor.UnitId is int own ? users.Where(u => u.UnitId == own)
        : users.Where(_ => false);

    /// <summary>The roles a person may hand out on the form.</summary>
    public static IReadOnlyList<string> AssignableBy(Actor actor) =>
        actor.IsInRole(Roles.Admin) ? Roles.All.Where(r => r != Roles.Citizen).ToList() : actor.IsInRole(Roles.UnitAdmin) ? Roles.Officers : [];
}

/// <summary>
/// Staff accounts: create, change unit and roles, lock, force a password reset, end sessions — each scoped by
/// <see cref="StaffScope"/> and audited by the context (<see cref="AdminAuditTrail"/>) with the actor's id.
/// </summary>
public sealed class UserAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IValidator<OfficerInput> validator,
    IValidator<OfficerUpdate> updateValidator)
{
    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> SearchAsync(Actor actor, string? search, int? unitId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking().VisibleTo(actor);
        if (unitId is int unit)
            users = users.Where(u => u.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // An e-mail is found by its start (indexed, normalised), a name anywhere in it.
            var s = search.Trim();
            var upper = s.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.StartsWith(upper) || u.FullName.Contains(s) || u.Cccd == s);
        }
        var total = await users.CountAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await users.OrderBy(u => u.NormalizedEmail).Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, UnitName = u.Unit != null ? u.Unit.Name : null, u.LockoutEnd, u.LastSignInAt,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(u => new UserRow(u.Id, u.Email!, u.FullName, u.UnitName,
            string.Join(", ", u.Roles.Select(r => Localization.DossierNames.Role(r!))), u.LockoutEnd > now, u.LastSignInAt)).ToList(), total);
    }

    /// <summary>The units a person may put staff in: the city and today's reception centres for an administrator, their own unit otherwise.</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Staff work at the city or at a reception centre that exists today; a dissolved unit is never offered.
        var centres = Reception.Centres(db.Units, ProcedureLevel.District, VietnamTime.Today(clock));
        var units = db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province || centres.Any(c => c.Id == u.Id));
        if (!actor.IsInRole(Roles.Admin))
            units = units.Where(u => u.Id == actor.UnitId);
        return await units.OrderBy(u => u.Level).ThenBy(u => u.Code).Select(u => new UnitOption(u.Id, u.Name, u.Code, u.Level)).ToListAsync(ct);
    }

    public async Task<UserDetail?> DetailAsync(Actor actor, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var u = await db.Users.AsNoTracking().VisibleTo(actor).Where(x => x.Id == userId)
            .Select(x => new { x.Id, x.Email, x.FullName, x.Cccd, x.UnitId, UnitName = x.Unit != null ? x.Unit.Name : null, x.LockoutEnd,
                HasPassword = x.PasswordHash != null, x.CreatedAt, x.LastSignInAt, x.ConcurrencyStamp })
            .FirstOrDefaultAsync(ct);
        if (u is null)
            return null;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);
        return new UserDetail(u.Id, u.Email!, u.FullName, u.Cccd, u.UnitId, u.UnitName, roles, u.LockoutEnd > clock.GetUtcNow(), u.HasPassword,
            u.CreatedAt, u.LastSignInAt, u.ConcurrencyStamp);
    }

    /// <summary>Creates a staff account; returns errors (in the reader's language) keyed by the <see cref="OfficerInput"/> field they belong to, empty on success.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CreateAsync(Actor actor, OfficerInput input)
    {
        var check = await validator.ValidateAsync(input);
        if (!check.IsValid)
            return check.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (!StaffScope.CanManage(actor, input.UnitId, [input.Role]))
            return Errors(nameof(OfficerInput.UnitId), StaffScope.OutOfScope);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope, actor);
        var cccd = string.IsNullOrWhiteSpace(input.Cccd) ? null : PersonRules.StoredCccd(input.Cccd);
        if (await users.CccdTakenAsync(cccd, exceptUserId: null))
            return Errors(nameof(OfficerInput.Cccd), UiTexts.Get("Admin_Users.Result.CccdTaken"));
        var user = new AppUser
        {
            UserName = TextRules.Normalize(input.Email), Email = TextRules.Normalize(input.Email), EmailConfirmed = true,
            FullName = TextRules.Normalize(input.FullName)!, Cccd = cccd, UnitId = input.UnitId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateWithRoleAsync(user, input.Password, input.Role);
        if (created.Succeeded)
            return new Dictionary<string, string[]>();
        // Identity's refusals are about the password (its rules) or the address (already taken).
        return created.Errors.GroupBy(e => e.Code.StartsWith("Password") ? nameof(OfficerInput.Password) : nameof(OfficerInput.Email))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
    }

    /// <summary>Changes a staff account's name, CCCD, unit and roles; errors by field in the reader's language, empty on success.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> UpdateAsync(Actor actor, OfficerUpdate input)
    {
        var check = await updateValidator.ValidateAsync(input);
        if (!check.IsValid)
            return check.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope, actor);
        var (user, error) = await TargetAsync(users, actor, input.UserId);
        if (user is null)
            return Errors("", error!);
        if (!StaffScope.CanManage(actor, input.UnitId, input.Roles))
            return Errors(nameof(OfficerUpdate.UnitId), StaffScope.OutOfScope);
        // Another administrator saved the account since this form loaded it: theirs stands. A save in between this
        // check and ours is refused by the database (Identity's concurrency stamp), with its own message.
        if (input.Stamp is not null && input.Stamp != user.ConcurrencyStamp)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return Errors("", UiTexts.Format("Admin_Users.Result.Conflict", await AdminAuditTrail.LastChangeAsync(db, nameof(AppUser), [user.Email ?? user.Id, user.Id], default)));
        }
        var cccd = string.IsNullOrWhiteSpace(input.Cccd) ? null : PersonRules.StoredCccd(input.Cccd);
        if (await users.CccdTakenAsync(cccd, exceptUserId: user.Id))
            return Errors(nameof(OfficerUpdate.Cccd), UiTexts.Get("Admin_Users.Result.CccdTaken"));
        return await ApplyAsync(users, user, TextRules.Normalize(input.FullName)!, cccd, input.UnitId, input.Roles) is { } failed
            ? Errors("", failed) : new Dictionary<string, string[]>();
    }

    /// <summary>Name, CCCD, unit and roles in one save of the account (one audit row per change), used by the form and the import.</summary>
    internal static async Task<string?> ApplyAsync(UserManager<AppUser> users, AppUser user, string fullName, string? cccd, int? unitId, IReadOnlyCollection<string> roles)
    {
        user.FullName = fullName;
        user.Cccd = cccd;
        user.UnitId = unitId;
        var current = await users.GetRolesAsync(user);
        foreach (var role in current.Except(roles))
            await users.RemoveFromRoleAsync(user, role);
        foreach (var role in roles.Except(current))
            await users.AddToRoleAsync(user, role);
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? null : string.Join(" ", saved.Errors.Select(e => e.Description));
    }

    /// <summary>Locks the account until unlocked and ends its sessions.</summary>
    public Task<string?> LockAsync(Actor actor, string userId) => ActAsync(actor, userId, AdminAuditActions.Locked, async (users, user, scope) =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await scope.ServiceProvider.GetRequiredService<ApiSessions>().EndAllAsync(user, endedBy: actor.UserId);
    });

    public Task<string?> UnlockAsync(Actor actor, string userId) => ActAsync(actor, userId, AdminAuditActions.Unlocked, async (users, user) =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    });

    /// <summary>
    /// The password stops working at once (removed, every session ended) and the owner is mailed a reset link; the
    /// administrator never learns or sets the new one.
    /// </summary>
    public Task<string?> ForcePasswordResetAsync(Actor actor, string userId) => ActAsync(actor, userId, AdminAuditActions.PasswordResetForced, async (users, user, scope) =>
    {
        if (await users.HasPasswordAsync(user))
            await users.RemovePasswordAsync(user);
        await scope.ServiceProvider.GetRequiredService<ApiSessions>().EndAllAsync(user, endedBy: actor.UserId);
        await scope.ServiceProvider.GetRequiredService<PasswordResetMail>().SendAsync(user);
    });

    /// <summary>Ends every session of the account: web pages (security stamp) and the app's refresh tokens.</summary>
    public Task<string?> EndSessionsAsync(Actor actor, string userId) => ActAsync(actor, userId, AdminAuditActions.SessionsEnded, async (users, user, scope) =>
        await scope.ServiceProvider.GetRequiredService<ApiSessions>().EndAllAsync(user, endedBy: actor.UserId));

    /// <summary>The account's open sessions (web and app), if <paramref name="actor"/> manages it; else the reason.</summary>
    public async Task<(IReadOnlyList<OpenSession> Sessions, string? Error)> SessionsAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (user, error) = await TargetAsync(Users(scope, actor), actor, userId);
        return user is null ? ([], error) : (await scope.ServiceProvider.GetRequiredService<SessionRecords>().ListOpenAsync(user.Id, ct), null);
    }

    /// <summary>Ends one session of the account (that browser or app only), audited; null when done, else the reason.</summary>
    public async Task<string?> EndSessionAsync(Actor actor, string userId, Guid sessionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (user, error) = await TargetAsync(Users(scope, actor), actor, userId);
        return user is null ? error : await scope.ServiceProvider.GetRequiredService<SessionRecords>().EndAsync(user.Id, sessionId, endedBy: actor.UserId, ct);
    }

    private Task<string?> ActAsync(Actor actor, string userId, string action, Func<UserManager<AppUser>, AppUser, Task> act) =>
        ActAsync(actor, userId, action, (users, user, _) => act(users, user));

    private async Task<string?> ActAsync(Actor actor, string userId, string action, Func<UserManager<AppUser>, AppUser, AsyncServiceScope, Task> act)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope, actor, action);
        var (user, error) = await TargetAsync(users, actor, userId);
        if (user is null)
            return error;
        await act(users, user, scope);
        return null;
    }

    /// <summary>The account if <paramref name="actor"/> may manage it, else the reason (not found, or another unit's).</summary>
    private static async Task<(AppUser? User, string? Error)> TargetAsync(UserManager<AppUser> users, Actor actor, string userId)
    {
        if (!StaffScope.ManagesUsers(actor))
            return (null, StaffScope.OutOfScope);
        if (await users.FindByIdAsync(userId) is not { } user)
            return (null, UiTexts.Get("Admin_Users.Result.NotFound"));
        if (user.Id == actor.UserId && !actor.IsInRole(Roles.Admin))
            return (null, StaffScope.OutOfScope);
        return StaffScope.CanManage(actor, user.UnitId, await users.GetRolesAsync(user)) ? (user, null) : (null, StaffScope.OutOfScope);
    }

    /// <summary>Identity's manager on the scope's context, which names the actor (and the action) in the audit trail.</summary>
    internal static UserManager<AppUser> Users(AsyncServiceScope scope, Actor actor, string? action = null)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ActorId = actor.UserId;
        db.AuditAction = action;
        return scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}

using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Users;

/// <summary>One refusal of an import, located in the sheet.</summary>
public sealed record ImportError(int Row, string Column, string Message)
{
    public override string ToString() => UiTexts.Format("Admin_Users.Result.ImportError", Row, Column, Message);
}

public sealed record OfficerImportResult(IReadOnlyList<ImportError> Errors, int Created, int Updated, int Unchanged)
{
    public bool Applied => Errors.Count == 0;
}

/// <summary>
/// The officers as a workbook, sheet "Cán bộ", one account a row: Thư điện tử | Họ và tên | Số CCCD | Mã đơn vị (the
/// unit's official code, e.g. 26740) | Vai trò (role codes separated by commas, e.g. "MotCua, ChuyenVien") | Khóa
/// ("Có" or empty). Export and import use the same layout, so an exported file imported again changes nothing.
/// An import is checked whole, each error named by row and column, and applied in one transaction only when the whole
/// file is valid. A new account gets no password: its owner is mailed a link to set one.
/// </summary>
public sealed class OfficerWorkbook(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopes, UserAdminService users, TimeProvider clock)
{
    public const string Sheet = "Cán bộ";
    public static readonly string[] Columns = ["Thư điện tử", "Họ và tên", "Số CCCD", "Mã đơn vị", "Vai trò", "Khóa"];
    public const string Yes = "Có";

    private sealed record OfficerLine(int Row, string Email, string FullName, string? Cccd, int? UnitId, IReadOnlyList<string> Roles, bool Locked);

    public async Task<byte[]> ExportAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var citizen = await db.Roles.Where(r => r.Name == Roles.Citizen).Select(r => r.Id).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var staff = await db.Users.AsNoTracking().VisibleTo(actor)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId != citizen))
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new
            {
                u.Email, u.FullName, u.Cccd, UnitCode = u.Unit != null ? u.Unit.Code : null, u.LockoutEnd,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id orderby r.Name select r.Name).ToList(),
            })
            .ToListAsync(ct);
        // A unit administrator's file holds only the officers they may import back.
        staff = staff.Where(u => StaffScope.CanManage(actor, actor.IsInRole(Roles.Admin) ? null : actor.UnitId, u.Roles!)).ToList();
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(Sheet);
        for (var c = 0; c < Columns.Length; c++)
            ws.Cell(1, c + 1).Value = Columns[c];
        ws.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var u in staff)
        {
            // Codes and CCCD numbers are text: a leading zero must survive Excel.
            ws.Cell(row, 1).SetValue(u.Email ?? "");
            ws.Cell(row, 2).SetValue(u.FullName);
            ws.Cell(row, 3).SetValue(u.Cccd ?? "");
            ws.Cell(row, 4).SetValue(u.UnitCode ?? "");
            ws.Cell(row, 5).SetValue(string.Join(", ", u.Roles));
            ws.Cell(row, 6).SetValue(u.LockoutEnd > now ? Yes : "");
            row++;
        }
        ws.Range(2, 3, Math.Max(2, row), 4).Style.NumberFormat.Format = "@";
        double[] widths = [34, 28, 16, 12, 30, 8];
        for (var c = 0; c < widths.Length; c++)
            ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    public async Task<OfficerImportResult> ImportAsync(Actor actor, Stream file, CancellationToken ct = default)
    {
        if (!StaffScope.ManagesUsers(actor))
            return Refused(new ImportError(0, "", StaffScope.OutOfScope));
        XLWorkbook wb;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            wb = new XLWorkbook(buffer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Refused(new ImportError(0, "", UiTexts.Get("Admin_Users.Result.NotWorkbook")));
        }
        using (wb)
        {
            if (!wb.TryGetWorksheet(Sheet, out var ws))
                return Refused(new ImportError(0, "", UiTexts.Format("Admin_Users.Result.SheetMissing", Sheet)));
            for (var c = 0; c < Columns.Length; c++)
                if (ws.Cell(1, c + 1).GetString().Trim() != Columns[c])
                    return Refused(new ImportError(1, Columns[c], UiTexts.Format("Admin_Users.Result.HeaderRow", string.Join(" | ", Columns))));
            var (lines, errors) = await ReadAsync(actor, ws, ct);
            if (errors.Count > 0)
                return Refused([.. errors]);
            return await ApplyAsync(actor, lines, ct);
        }
    }

    private async Task<(List<OfficerLine> Lines, List<ImportError> Errors)> ReadAsync(Actor actor, IXLWorksheet ws, CancellationToken ct)
    {
        var units = (await users.UnitsAsync(actor, ct)).ToDictionary(u => u.Code, u => u.Id);
        var errors = new List<ImportError>();
        var lines = new List<OfficerLine>();
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cccds = new Dictionary<string, int>();
        var today = VietnamTime.Today(clock);
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= lastRow; r++)
        {
            string Text(int c) => TextRules.Normalize(ws.Cell(r, c).GetString())?.Trim() ?? "";
            var email = Text(1);
            var name = Text(2);
            var cccd = Text(3);
            var unitCode = Text(4);
            var roleText = Text(5);
            var locked = Text(6);
            if (new[] { email, name, cccd, unitCode, roleText, locked }.All(string.IsNullOrEmpty))
                continue; // a blank line is not a row
            void Error(int column, string message) => errors.Add(new ImportError(r, Columns[column - 1], message));

            var emailCheck = new OfficerInputValidator(clock).Validate(new OfficerInput(email, name, Roles.Reception, 0, "-"));
            foreach (var failure in emailCheck.Errors)
                Error(failure.PropertyName == nameof(OfficerInput.Email) ? 1 : 2, failure.ErrorMessage);
            if (email.Length > 0 && !emails.TryAdd(email, r))
                Error(1, UiTexts.Format("Admin_Users.Result.EmailRepeated", email, emails[email]));
            string? storedCccd = null;
            if (cccd.Length > 0)
            {
                var check = Cccd.Validate(cccd, today);
                if (!check.IsValid)
                    Error(3, PersonRules.CccdMessage(check.Problem!.Value));
                else if (!cccds.TryAdd(storedCccd = PersonRules.StoredCccd(cccd), r))
                    Error(3, UiTexts.Format("Admin_Users.Result.CccdRepeated", cccds[storedCccd]));
            }
            int? unitId = null;
            var roles = roleText.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (unitCode.Length == 0)
            {
                if (StaffScope.NeedsUnit(roles))
                    Error(4, UiTexts.Get("Admin_Users.Result.UnitRequired"));
            }
            else if (units.TryGetValue(unitCode, out var id))
                unitId = id;
            else
                Error(4, actor.IsInRole(Roles.Admin) ? UiTexts.Format("Admin_Users.Result.NoSuchUnit", unitCode) : UiTexts.Format("Admin_Users.Result.OutOfScopeCode", StaffScope.OutOfScope, unitCode));
            if (roles.Count == 0)
                Error(5, UiTexts.Get("Admin_Users.Result.RolesRequired"));
            foreach (var role in roles.Where(r => !StaffScope.IsStaffRole(r)))
                Error(5, UiTexts.Format("Admin_Users.Result.NoSuchRole", role, string.Join(", ", StaffScope.AssignableBy(actor))));
            if (roles.Count > 0 && roles.All(StaffScope.IsStaffRole) && !StaffScope.CanManage(actor, unitId, roles))
                Error(5, StaffScope.OutOfScope);
            if (locked.Length > 0 && locked != Yes)
                Error(6, UiTexts.Format("Admin_Users.Result.LockedValue", Yes));
            lines.Add(new OfficerLine(r, email, name, storedCccd, unitId, roles, locked == Yes));
        }
        if (errors.Count == 0 && lines.Count > 0)
            await CheckAgainstAccountsAsync(actor, lines, errors, ct);
        return (lines, errors);
    }

    /// <summary>An address of a citizen's or another unit's account, or a CCCD held by another account, is refused.</summary>
    private async Task CheckAgainstAccountsAsync(Actor actor, List<OfficerLine> lines, List<ImportError> errors, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = lines.Select(l => l.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new
            {
                u.NormalizedEmail, u.UnitId,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList(),
            })
            .ToDictionaryAsync(u => u.NormalizedEmail!, ct);
        var cccds = lines.Where(l => l.Cccd is not null).Select(l => l.Cccd!).ToList();
        var holders = await db.Users.AsNoTracking().Where(u => u.Cccd != null && cccds.Contains(u.Cccd))
            .Select(u => new { u.Cccd, u.NormalizedEmail }).ToListAsync(ct);
        foreach (var line in lines)
        {
            if (existing.TryGetValue(line.Email.ToUpperInvariant(), out var account))
            {
                if (account.Roles.All(r => r == Roles.Citizen))
                    errors.Add(new ImportError(line.Row, Columns[0], UiTexts.Get("Admin_Users.Result.CitizenAccount")));
                else if (!StaffScope.CanManage(actor, account.UnitId, account.Roles))
                    errors.Add(new ImportError(line.Row, Columns[0], StaffScope.OutOfScope));
            }
            if (line.Cccd is not null && holders.Any(h => h.Cccd == line.Cccd && h.NormalizedEmail != line.Email.ToUpperInvariant()))
                errors.Add(new ImportError(line.Row, Columns[2], UiTexts.Get("Admin_Users.Result.CccdTaken")));
        }
    }

    private async Task<OfficerImportResult> ApplyAsync(Actor actor, List<OfficerLine> lines, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = UserAdminService.Users(scope, actor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        int created = 0, updated = 0, unchanged = 0;
        var welcome = new List<AppUser>();
        var now = clock.GetUtcNow();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            (created, updated, unchanged) = (0, 0, 0);
            welcome.Clear();
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var line in lines)
            {
                var user = await manager.FindByEmailAsync(line.Email);
                if (user is null)
                {
                    user = new AppUser
                    {
                        UserName = line.Email, Email = line.Email, EmailConfirmed = true, FullName = line.FullName, Cccd = line.Cccd,
                        UnitId = line.UnitId, CreatedAt = now.UtcDateTime,
                    };
                    Check(await manager.CreateAsync(user));
                    Check(await manager.AddToRolesAsync(user, line.Roles));
                    welcome.Add(user);
                    created++;
                }
                else
                {
                    var roles = await manager.GetRolesAsync(user);
                    var same = user.FullName == line.FullName && user.Cccd == line.Cccd && user.UnitId == line.UnitId
                        && roles.ToHashSet().SetEquals(line.Roles) && (user.LockoutEnd > now) == line.Locked;
                    if (same)
                    {
                        unchanged++;
                        continue;
                    }
                    if (await UserAdminService.ApplyAsync(manager, user, line.FullName, line.Cccd, line.UnitId, line.Roles) is { } failed)
                        throw new InvalidOperationException(failed);
                    updated++;
                }
                if ((user.LockoutEnd > now) != line.Locked)
                {
                    Check(await manager.SetLockoutEnabledAsync(user, true));
                    Check(await manager.SetLockoutEndDateAsync(user, line.Locked ? DateTimeOffset.MaxValue : null));
                }
            }
            await tx.CommitAsync(ct);
        });
        // Mails only once the accounts exist for good.
        var mail = scope.ServiceProvider.GetRequiredService<PasswordResetMail>();
        foreach (var user in welcome)
            await mail.SendAsync(user);
        return new OfficerImportResult([], created, updated, unchanged);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static OfficerImportResult Refused(params ImportError[] errors) => new(errors, 0, 0, 0);
}

using HcmcPortal.Accounts;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using HcmcPortal.Validation;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin;

public sealed record ProcedureRow(int Id, string Code, string Name, int TimeLimitValue, TimeLimitUnit TimeLimitUnit, int StepCount,
    bool IsPublished, int CurrentVersion, DateTime? ChangedAt);

public sealed record ProcedurePage(IReadOnlyList<ProcedureRow> Rows, int Total);

/// <summary>An editable workflow step (a row of the catalogue editor and of the workbook's "Quy trình" sheet).</summary>
public sealed class StepEdit
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = Roles.Specialist;
    public int SharePercent { get; set; }
}

public sealed record CalendarRow(int Id, DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// Whether a year's schedule is decided. Unconfirmed: only suggested, until an administrator confirms it.
/// Announced: seeded as the Government announced it, confirmed by no one in particular.
/// </summary>
public sealed record CalendarYearStatus(int Year, bool IsConfirmed, bool IsAnnounced, DateTime? ConfirmedAt, string? ConfirmedByName, string? Basis);

/// <summary>
/// The administrator's catalogue list (the procedures are edited by <see cref="Catalogue.ProcedureEditor"/>) and
/// the working-day calendar kept per year (domain.md §4). Calendar edits never touch stored due dates: promised
/// dates are recomputed only on explicit action.
/// </summary>
public sealed class AdminCatalog(IDbContextFactory<AppDbContext> dbFactory, CalendarProvider calendars, TimeProvider clock)
{
    /// <summary>The roles a workflow step can be given: the ones that act on dossiers.</summary>
    public static readonly IReadOnlyList<string> StepRoles = [Roles.Reception, Roles.Specialist, Roles.UnitLeader];

    public async Task<ProcedurePage> ListProceduresAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Procedures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // SearchName holds the folded name: "dang ky", "Đăng ký" and "ĐĂNG KÝ" find the same procedures.
            var term = search.Trim();
            var folded = VietnameseText.Fold(term);
            query = query.Where(p => p.Code.Contains(term) || p.SearchName.Contains(folded));
        }
        var (ids, total) = await ProcedureOrder.PageAsync(query, page, pageSize, ct);
        var rows = await query.Where(p => ids.Contains(p.Id))
            .Select(p => new ProcedureRow(p.Id, p.Code, p.Name, p.TimeLimitValue, p.TimeLimitUnit, p.WorkflowSteps.Count, p.IsPublished, p.CurrentVersion, p.ChangedAt))
            .ToListAsync(ct);
        return new ProcedurePage([.. rows.OrderBy(r => ids.IndexOf(r.Id))], total);
    }

    public async Task<IReadOnlyList<CalendarRow>> CalendarAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Calendar.AsNoTracking().Where(c => c.Date >= first && c.Date <= last).OrderBy(c => c.Date)
            .Select(c => new CalendarRow(c.Id, c.Date, c.Kind, c.Name)).ToListAsync(ct);
    }

    public async Task<CalendarYearStatus> YearStatusAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decided = await db.CalendarYears.AsNoTracking().Where(y => y.Year == year)
            .Select(y => new
            {
                y.ConfirmedAt,
                y.Basis,
                Announced = y.ConfirmedBy == ReferenceSeeder.SystemActor,
                Name = db.Users.Where(u => u.Id == y.ConfirmedBy).Select(u => u.FullName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return decided is null
            ? new CalendarYearStatus(year, false, false, null, null, null)
            : new CalendarYearStatus(year, true, decided.Announced, decided.ConfirmedAt, decided.Name, decided.Basis);
    }

    /// <summary>
    /// An administrator confirms that <paramref name="year"/>'s holidays and swapped days are the decided ones, citing
    /// the decision if they wish. The confirmation row records who and when; officers stop seeing due dates in the year
    /// flagged as counted on a suggestion. A second confirmation is refused, naming the first.
    /// </summary>
    public async Task<CommandResult> ConfirmYearAsync(Actor actor, int year, string? basis, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return CommandResult.Forbidden();
        if (year is < 1902 or > 2100)
            return CommandResult.Invalid("Năm không hợp lệ.");
        if (basis?.Trim().Length > 400)
            return CommandResult.Invalid("Căn cứ xác nhận không được dài quá 400 ký tự.");
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
            return await AlreadyConfirmedAsync(year, ct);
        if (!await db.Calendar.AnyAsync(c => c.Date >= first && c.Date <= last && c.Kind == CalendarDayKind.Holiday, ct))
            return CommandResult.Invalid($"Lịch năm {year} chưa có ngày nghỉ nào: hãy nhập các ngày nghỉ lễ, Tết trước khi xác nhận.");
        db.CalendarYears.Add(new CalendarYear
        {
            Year = year,
            ConfirmedAt = clock.GetUtcNow().UtcDateTime,
            ConfirmedBy = actor.UserId,
            Basis = string.IsNullOrWhiteSpace(basis) ? null : basis.Trim(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator confirmed it since the check (the key is the year).
            return await AlreadyConfirmedAsync(year, ct);
        }
        calendars.Invalidate();
        return new CommandResult(CommandStatus.Ok);
    }

    private async Task<CommandResult> AlreadyConfirmedAsync(int year, CancellationToken ct)
    {
        var status = await YearStatusAsync(year, ct);
        var by = status.ConfirmedByName is { } name ? $" bởi {name}" : "";
        return new CommandResult(CommandStatus.Conflict, $"Lịch năm {year} đã được xác nhận{by} lúc {VietnamTime.FormatDateTime(status.ConfirmedAt ?? default)}.");
    }

    /// <summary>Adds a holiday or a swapped working day. A working day can only be a Saturday or Sunday (weekdays already are).</summary>
    public async Task<CommandResult> AddDayAsync(Actor actor, DateOnly date, CalendarDayKind kind, string name, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return CommandResult.Forbidden();
        if (TextRules.IsBlank(name))
            return CommandResult.Invalid("Vui lòng nhập tên ngày nghỉ hoặc lý do làm bù.");
        if ((SupportedDates.Problem(date, UiTexts.Get("Validation.Label.Date")) ?? TextRules.Problem(name, UiTexts.Get("Validation.Label.DayName"), 200)) is { } problem)
            return CommandResult.Invalid(problem);
        if (kind == CalendarDayKind.WorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            return CommandResult.Invalid("Ngày làm việc bù chỉ áp dụng cho thứ Bảy hoặc Chủ nhật.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var alreadyThere = CommandResult.Invalid($"Ngày {date:dd/MM/yyyy} đã có trong lịch; hãy xóa mục cũ trước khi thêm lại.");
        if (await db.Calendar.AnyAsync(c => c.Date == date, ct))
            return alreadyThere;
        db.Calendar.Add(new CalendarEntry { Date = date, Kind = kind, Name = TextRules.Normalize(name)! });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same date since the check (unique index on Date).
            return alreadyThere;
        }
        calendars.Invalidate();
        return new CommandResult(CommandStatus.Ok);
    }

    /// <summary>Adds every suggested day not yet in the calendar; returns how many were added.</summary>
    public async Task<int> AddSuggestionsAsync(Actor actor, IEnumerable<CalendarDay> days, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var list = days.ToList();
        var dates = list.Select(d => d.Date).ToList();
        var existing = await db.Calendar.Where(c => dates.Contains(c.Date)).Select(c => c.Date).ToListAsync(ct);
        var added = list.Where(d => !existing.Contains(d.Date)).Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }).ToList();
        db.Calendar.AddRange(added);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return added.Count;
    }

    public async Task<CommandResult> RemoveDayAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return CommandResult.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        // Loaded and removed (not a bulk delete) so that the audit trail records what was removed.
        var day = await db.Calendar.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (day is null)
            return new CommandResult(CommandStatus.NotFound, "Ngày này đã được xóa.");
        db.Calendar.Remove(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CommandStatus.NotFound, "Ngày này đã được xóa.");
        }
        finally
        {
            calendars.Invalidate();
        }
        return new CommandResult(CommandStatus.Ok);
    }
}

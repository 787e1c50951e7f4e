using HcmcPortal.Localization;
using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Privacy;

/// <summary>What an administrator searches the access log by; dates are Vietnam-local calendar days.</summary>
public sealed record AccessLogFilter(string? User = null, string? DossierCode = null, DateOnly? From = null, DateOnly? To = null, string? Screen = null);

public sealed record AccessLogRow(DateTime At, string UserName, string? UserEmail, string Roles, string? UnitName, string DossierCode, string Screen, string? Detail);

/// <summary>
/// One view of the applicant's dossier as the applicant sees it: the unit and the role that viewed it and when.
/// Officers' names are not shown (the timeline shows units too): the data subject's right to know who processed the data
/// (Law 91/2025/QH15) is met by the organisation and function; the administrator's log keeps the names.
/// </summary>
public sealed record DossierViewer(DateTime At, string Role, string? UnitName, string Screen);

/// <summary>Reading the personal-data access log: the administrators' search and export, and the applicant's view of their dossier's.</summary>
public sealed class PersonalDataAccessQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>An Excel export holds at most this many rows (ClosedXML keeps the workbook in memory); narrow the filter for more.</summary>
    public const int MaxExportRows = 50_000;

    public async Task<PagedList<AccessLogRow>> SearchAsync(Actor actor, AccessLogFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return new([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(db, query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(page, 0) * Math.Clamp(pageSize, 1, 200)).Take(Math.Clamp(pageSize, 1, 200))).ToListAsync(ct);
        return new(rows, total);
    }

    /// <summary>The filtered log as .xlsx, newest first; null when the caller is not an administrator.</summary>
    public async Task<byte[]?> ExportAsync(Actor actor, AccessLogFilter filter, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Admin))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db, Filter(db, filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxExportRows)).ToListAsync(ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Nhật ký truy cập");
        sheet.Cell(1, 1).Value = "Nhật ký truy cập dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["Thời điểm", "Người xem", "E-mail", "Vai trò", "Đơn vị", "Mã hồ sơ", "Màn hình", "Chi tiết"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(2, c + 1).Value = headers[c];
            sheet.Cell(2, c + 1).Style.Font.Bold = true;
        }
        var r = 3;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).Value = VietnamTime.FormatDateTime(row.At);
            sheet.Cell(r, 2).Value = row.UserName;
            sheet.Cell(r, 3).Value = row.UserEmail ?? "";
            sheet.Cell(r, 4).Value = RoleNames(row.Roles, Roles.DisplayName);
            sheet.Cell(r, 5).Value = row.UnitName ?? "";
            sheet.Cell(r, 6).Value = row.DossierCode;
            sheet.Cell(r, 7).Value = PersonalDataScreens.DisplayName(row.Screen);
            sheet.Cell(r, 8).Value = row.Detail ?? "";
            r++;
        }
        // AdjustToContents needs GDI+ on Linux (stack.md): fixed widths.
        double[] widths = [18, 26, 28, 30, 30, 26, 30, 30];
        for (var c = 0; c < widths.Length; c++)
            sheet.Column(c + 1).Width = widths[c];
        sheet.SheetView.FreezeRows(2);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Who viewed the applicant's own dossier, newest first (at most 200 rows); empty for anyone else's dossier.</summary>
    public async Task<IReadOnlyList<DossierViewer>> ViewersAsync(Actor applicant, Guid dossierId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PersonalDataAccesses.AsNoTracking()
            .Where(a => a.DossierId == dossierId && db.Dossiers.Any(d => d.Id == dossierId && d.ApplicantUserId == applicant.UserId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200)
            .Select(a => new { a.At, a.Roles, a.UnitName, a.Screen }).ToListAsync(ct);
        return [.. rows.Select(a => new DossierViewer(a.At, RoleNames(a.Roles, DossierNames.Role), a.UnitName, DossierNames.Screen(a.Screen)))];
    }

    /// <summary>The staff roles of a log row, each named by <paramref name="name"/> (the page's language, or Vietnamese in the workbook).</summary>
    public static string RoleNames(string roles, Func<string, string> name) =>
        string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(r => r != Roles.Citizen).Select(name));

    private static IQueryable<PersonalDataAccess> Filter(AppDbContext db, AccessLogFilter f)
    {
        var query = db.PersonalDataAccesses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var user = f.User.Trim();
            query = query.Where(a => a.UserName.Contains(user) || db.Users.Any(u => u.Id == a.UserId && u.Email!.Contains(user)));
        }
        if (!string.IsNullOrWhiteSpace(f.DossierCode))
        {
            var code = f.DossierCode.Trim().ToUpperInvariant();
            query = query.Where(a => a.DossierCode.Contains(code));
        }
        if (f.From is DateOnly from)
        {
            var fromUtc = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At >= fromUtc);
        }
        if (f.To is DateOnly to)
        {
            var toUtc = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(f.Screen))
            query = query.Where(a => a.Screen == f.Screen);
        return query;
    }

    private static IQueryable<AccessLogRow> Project(AppDbContext db, IQueryable<PersonalDataAccess> query) =>
        query.Select(a => new AccessLogRow(a.At, a.UserName, db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            a.Roles, a.UnitName, a.DossierCode, a.Screen, a.Detail));
}

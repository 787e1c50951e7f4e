using ClosedXML.Excel;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Audit;

public enum AuditKind
{
    All = 0,
    Administrative = 1,
    Dossier = 2,
}

/// <summary>What the viewer searches: who (name or e-mail), which unit, which kind of row and key, which days (Vietnam time, inclusive).</summary>
public sealed record AuditFilter(AuditKind Kind = AuditKind.All, string? User = null, int? UnitId = null, string? EntityType = null,
    string? EntityKey = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(DateTime At, AuditKind Kind, string? ActorName, string? ActorEmail, string? UnitName, string EntityType,
    string EntityKey, string Action, string? Before, string? After);

/// <summary>
/// The audit trail, read-only: administrative changes (<see cref="AdminAuditEntry"/>) and dossier actions
/// (<see cref="DossierEvent"/>) in one newest-first list, searched and paged in the database. An administrator sees
/// everything; a unit administrator the rows of their own unit.
/// </summary>
public sealed class AuditTrailQuery(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string DossierEntity = "Dossier";
    public const int ExportCap = 50_000;

    public static bool CanRead(Actor actor) => actor.IsInRole(Roles.Admin) || (actor.IsInRole(Roles.UnitAdmin) && actor.UnitId is not null);

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> SearchAsync(Actor actor, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        if (!CanRead(actor))
            return ([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Build(db, actor, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows.Select(Shape).ToList(), total);
    }

    /// <summary>The rows the filter finds (at most <see cref="ExportCap"/>), newest first, with real dates in Vietnam time.</summary>
    public async Task<byte[]> ExportAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        var (rows, total) = await SearchAsync(actor, filter, 0, ExportCap, ct);
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Nhật ký");
        string[] head = ["Thời điểm", "Loại", "Người thực hiện", "Thư điện tử", "Đơn vị", "Đối tượng", "Mã", "Hành động", "Trước", "Sau"];
        for (var c = 0; c < head.Length; c++)
            ws.Cell(1, c + 1).Value = head[c];
        ws.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var row = i + 2;
            ws.Cell(row, 1).Value = VietnamTime.ToLocal(r.At);
            ws.Cell(row, 2).Value = r.Kind == AuditKind.Dossier ? "Hồ sơ" : "Quản trị";
            ws.Cell(row, 3).SetValue(r.ActorName ?? "");
            ws.Cell(row, 4).SetValue(r.ActorEmail ?? "");
            ws.Cell(row, 5).SetValue(r.UnitName ?? "");
            ws.Cell(row, 6).SetValue(AuditText.Entity(r.EntityType));
            ws.Cell(row, 7).SetValue(r.EntityKey);
            ws.Cell(row, 8).SetValue(AuditText.Action(r.Action));
            ws.Cell(row, 9).SetValue(r.Before ?? "");
            ws.Cell(row, 10).SetValue(r.After ?? "");
        }
        ws.Column(1).Style.DateFormat.Format = "dd/MM/yyyy HH:mm:ss";
        if (total > rows.Count)
            ws.Cell(rows.Count + 3, 1).SetValue($"Chỉ xuất {rows.Count:N0} trên {total:N0} dòng: hãy thu hẹp khoảng thời gian.".Replace(',', '.'));
        double[] widths = [20, 10, 24, 28, 24, 16, 24, 22, 40, 40];
        for (var c = 0; c < widths.Length; c++)
            ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>One row shape for both tables, so that the union is counted, ordered and paged by the database.</summary>
    private sealed class Raw
    {
        public long Id { get; set; }
        public DateTime At { get; set; }
        public int Kind { get; set; }
        public string? ActorName { get; set; }
        public string? ActorEmail { get; set; }
        public string? UnitName { get; set; }
        public string EntityType { get; set; } = "";
        public string EntityKey { get; set; } = "";
        public string Action { get; set; } = "";
        public string? Before { get; set; }
        public string? After { get; set; }
        public int? FromStatus { get; set; }
        public int? ToStatus { get; set; }
    }

    private static IQueryable<Raw> Build(AppDbContext db, Actor actor, AuditFilter f)
    {
        int? scopeUnit = actor.IsInRole(Roles.Admin) ? null : actor.UnitId;
        var fromUtc = f.From is { } from ? VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
        var toUtc = f.To is { } to ? VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
        var user = string.IsNullOrWhiteSpace(f.User) ? null : f.User.Trim();
        var userUpper = user?.ToUpperInvariant();
        var key = string.IsNullOrWhiteSpace(f.EntityKey) ? null : f.EntityKey.Trim();

        var admin = db.AdminAudit.AsNoTracking().AsQueryable();
        if (scopeUnit is int su) admin = admin.Where(a => a.UnitId == su);
        if (f.UnitId is int u) admin = admin.Where(a => a.UnitId == u);
        if (fromUtc is { } fa) admin = admin.Where(a => a.At >= fa);
        if (toUtc is { } ta) admin = admin.Where(a => a.At < ta);
        if (f.EntityType is { Length: > 0 } type) admin = admin.Where(a => a.EntityType == type);
        if (key is not null) admin = admin.Where(a => a.EntityKey.Contains(key));
        var adminRows =
            from a in admin
            join p in db.Users on a.ActorUserId equals p.Id into people
            from p in people.DefaultIfEmpty()
            join un in db.Units on a.UnitId equals un.Id into units
            from un in units.DefaultIfEmpty()
            where user == null || (p != null && (p.NormalizedEmail!.StartsWith(userUpper!) || p.FullName.Contains(user)))
            select new Raw
            {
                Id = a.Id, At = a.At, Kind = (int)AuditKind.Administrative, ActorName = p != null ? p.FullName : a.ActorUserId == AdminAuditTrail.SystemActor ? "Hệ thống" : a.ActorUserId,
                ActorEmail = p != null ? p.Email : null, UnitName = un != null ? un.Name : null, EntityType = a.EntityType, EntityKey = a.EntityKey,
                Action = a.Action, Before = a.Before, After = a.After, FromStatus = null, ToStatus = null,
            };

        var events = db.DossierEvents.AsNoTracking().AsQueryable();
        if (scopeUnit is int se) events = events.Where(e => e.ActorUnitId == se);
        if (f.UnitId is int eu) events = events.Where(e => e.ActorUnitId == eu);
        if (fromUtc is { } fe) events = events.Where(e => e.At >= fe);
        if (toUtc is { } te) events = events.Where(e => e.At < te);
        var dossierRows =
            from e in events
            join d in db.Dossiers on e.DossierId equals d.Id
            join p in db.Users on e.ActorUserId equals p.Id into people
            from p in people.DefaultIfEmpty()
            where (key == null || d.Code.Contains(key))
                && (user == null || e.ActorName.Contains(user) || (p != null && p.NormalizedEmail!.StartsWith(userUpper!)))
            select new Raw
            {
                Id = e.Id, At = e.At, Kind = (int)AuditKind.Dossier, ActorName = e.ActorName, ActorEmail = p != null ? p.Email : null,
                UnitName = e.ActorUnitName, EntityType = DossierEntity, EntityKey = d.Code, Action = e.Action, Before = null, After = e.Note,
                FromStatus = (int?)e.FromStatus, ToStatus = (int?)e.ToStatus,
            };

        var onlyAdmin = f.Kind == AuditKind.Administrative || (f.EntityType is { Length: > 0 } t && t != DossierEntity);
        var onlyDossier = f.Kind == AuditKind.Dossier || f.EntityType == DossierEntity;
        return onlyAdmin ? adminRows : onlyDossier ? dossierRows : adminRows.Concat(dossierRows);
    }

    private static AuditRow Shape(Raw r) => r.Kind == (int)AuditKind.Dossier
        ? new AuditRow(r.At, AuditKind.Dossier, r.ActorName, r.ActorEmail, r.UnitName, r.EntityType, r.EntityKey, r.Action,
            r.FromStatus is int from ? DossierText.StatusName((DossierStatus)from) : null,
            r.ToStatus is int to ? DossierText.StatusName((DossierStatus)to) + (string.IsNullOrEmpty(r.After) ? "" : " — " + r.After) : r.After)
        : new AuditRow(r.At, AuditKind.Administrative, r.ActorName, r.ActorEmail, r.UnitName, r.EntityType, r.EntityKey, r.Action, r.Before, r.After);
}

/// <summary>Vietnamese names of what the trail records.</summary>
public static class AuditText
{
    public static readonly IReadOnlyList<string> EntityTypes =
        [nameof(AppUser), nameof(PortalSetting), nameof(AdministrativeUnit), nameof(Procedure), nameof(WorkflowStep), nameof(CalendarEntry), AuditTrailQuery.DossierEntity];

    public static string Entity(string type) => type switch
    {
        nameof(AppUser) => "Tài khoản",
        nameof(PortalSetting) => "Thiết lập",
        nameof(AdministrativeUnit) => "Đơn vị",
        nameof(Procedure) => "Thủ tục",
        nameof(RequiredDocument) => "Giấy tờ của thủ tục",
        nameof(ProcedureFormField) => "Trường biểu mẫu",
        nameof(WorkflowStep) => "Bước quy trình",
        nameof(CalendarEntry) => "Lịch ngày làm việc",
        nameof(CalendarYear) => "Năm lịch",
        nameof(UserSession) => "Phiên đăng nhập",
        nameof(DxIndex) or nameof(DxComponent) => "Bộ chỉ số CĐS",
        AuditTrailQuery.DossierEntity => "Hồ sơ",
        _ => type,
    };

    public static string Action(string action) => action switch
    {
        AdminAuditActions.Created => "Tạo mới",
        AdminAuditActions.Updated => "Sửa",
        AdminAuditActions.Deleted => "Xóa",
        AdminAuditActions.RoleAdded => "Thêm vai trò",
        AdminAuditActions.RoleRemoved => "Bỏ vai trò",
        AdminAuditActions.Locked => "Khóa tài khoản",
        AdminAuditActions.Unlocked => "Mở khóa tài khoản",
        AdminAuditActions.PasswordResetForced => "Buộc đặt lại mật khẩu",
        AdminAuditActions.SessionEnded => "Kết thúc một phiên",
        AdminAuditActions.SessionsEnded => "Kết thúc mọi phiên",
        _ => Enum.TryParse<DossierAction>(action, out var a) ? DossierText.ActionName(a) : action,
    };
}

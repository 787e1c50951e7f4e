using System.Globalization;
using HcmcPortal.Admin.Audit;
using HcmcPortal.Admin.Catalogue;
using HcmcPortal.Admin.Users;
using HcmcPortal.Domain;

namespace HcmcPortal.Admin;

/// <summary>The administrator's services: catalogue, calendar, unit import, staff accounts and their workbook, the audit trail.</summary>
public static class AdminFeature
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddAdminFeature(this IServiceCollection services) => services
        .AddSingleton<AdminCatalog>().AddSingleton<HcmcPortal.Units.UnitImportService>()
        .AddSingleton<UserAdminService>().AddSingleton<OfficerWorkbook>().AddSingleton<AuditTrailQuery>()
        .AddCatalogueEditor();

    /// <summary>The workbooks the admin pages link to (a download needs a plain request, not the circuit).</summary>
    public static IEndpointRouteBuilder MapAdminFeature(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/quan-tri").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.UnitAdmin));
        group.MapGet("/nguoi-dung/can-bo.xlsx", async (HttpContext http, OfficerWorkbook workbook, TimeProvider clock, CancellationToken ct) =>
            Results.File(await workbook.ExportAsync(Accounts.Actor.From(http.User)!, ct), XlsxType, $"can-bo-{VietnamTime.Today(clock):yyyyMMdd}.xlsx"));
        group.MapGet("/nhat-ky/nhat-ky.xlsx", async (HttpContext http, AuditTrailQuery audit, TimeProvider clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            var filter = new AuditFilter(
                Enum.TryParse<AuditKind>(q["kind"], out var kind) ? kind : AuditKind.All, q["user"], int.TryParse(q["unit"], out var unit) ? unit : null,
                q["entity"], q["key"], Day(q["from"]), Day(q["to"]));
            return Results.File(await audit.ExportAsync(Accounts.Actor.From(http.User)!, filter, ct), XlsxType, $"nhat-ky-{VietnamTime.Today(clock):yyyyMMdd}.xlsx");
        });
        return app;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && HcmcPortal.Validation.SupportedDates.Contains(d) ? d : null;
}

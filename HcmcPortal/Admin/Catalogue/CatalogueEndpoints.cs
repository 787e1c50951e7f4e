using HcmcPortal.Domain;

namespace HcmcPortal.Admin.Catalogue;

public static class CatalogueEndpoints
{
    public const string ExportPath = "/quan-tri/thu-tuc/xuat-excel";
    public const long MaxWorkbookBytes = 20 * 1024 * 1024;

    /// <summary>The catalogue workbook for administrators, and a required document's template for anyone (it is public).</summary>
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, async (CatalogueWorkbook workbook, TimeProvider clock, CancellationToken ct) =>
            Results.File(await workbook.ExportAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"danh-muc-thu-tuc-{VietnamTime.Today(clock):yyyyMMdd}.xlsx"))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        app.MapGet("/thu-tuc/mau/{documentId:int}", async (int documentId, ProcedureEditor editor, HttpContext http, CancellationToken ct) =>
        {
            if (await editor.TemplateAsync(documentId, ct) is not ({ } name, { } data))
                return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(data, "application/octet-stream", name);
        });
        return app;
    }
}

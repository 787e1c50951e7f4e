using HcmcPortal.Accounts;
using HcmcPortal.Reports;

namespace HcmcPortal.Dx;

public static class DxEndpoints
{
    /// <summary>GET /api/v1/reports/evidence/{id}: a declaration's evidence file, for those who may see that district's detail; anything else is 404.</summary>
    public static IEndpointRouteBuilder MapDxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportEndpoints.Prefix + "/evidence/{id:guid}", async (Guid id, HttpContext http, DxDeclarationService declarations, CancellationToken ct) =>
        {
            var file = await declarations.EvidenceAsync(Actor.From(http.User)!, id, ct);
            if (file is not ({ } name, { } type, { } data))
                return Results.Problem(title: "Không tìm thấy", detail: "Không tìm thấy tệp minh chứng.", statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(data, type, name);
        }).RequireAuthorization(ReportUnits.ReadersPolicy);
        return app;
    }
}

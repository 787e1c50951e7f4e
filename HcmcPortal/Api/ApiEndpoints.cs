using Scalar.AspNetCore;

namespace HcmcPortal.Api;

public static class ApiEndpoints
{
    public static void MapPortalApi(this WebApplication app)
    {
        app.UseApiProblemBodies();
        app.MapOpenApi("/openapi/{documentName}.json");
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference("/api/docs", o => o.WithTitle("HcmcPortal API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        var api = app.MapGroup("/api/v1");
        api.MapIdentityApi();
        api.MapDossiersApi();
        HcmcPortal.Feedback.FeedbackApi.MapFeedbackApi(api);
    }
}

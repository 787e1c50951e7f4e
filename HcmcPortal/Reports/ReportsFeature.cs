using HcmcPortal.Api;
using HcmcPortal.Domain;
using HcmcPortal.Dx;

namespace HcmcPortal.Reports;

/// <summary>Registers the Reports feature's services and endpoints (and the DX evaluator's services in Dx/).</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        // Same sign-in as the citizen-app API: bearer token or cookie.
        services.AddAuthorizationBuilder()
            .AddPolicy(ReportUnits.ReadersPolicy, ApiSetup.RolesPolicy(Roles.CityLeader, Roles.DxEvaluator));
        services.AddSingleton<DxReportService>();
        services.AddSingleton<ServiceIndexService>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<DrillDownService>();
        services.AddSingleton<ExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportJobs>());
        services.AddSingleton<DxFrameworkService>();
        services.AddSingleton<DxDeclarationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportsFeature(this IEndpointRouteBuilder app)
    {
        app.MapReportEndpoints();
        app.MapDxEndpoints();
        return app;
    }
}

namespace HcmcPortal.Reports;

/// <summary>Registers the Reports feature's services and endpoints.</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapReportsFeature(this IEndpointRouteBuilder app) => app;
}

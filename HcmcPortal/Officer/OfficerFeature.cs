using HcmcPortal.Admin;
using HcmcPortal.Forms;

namespace HcmcPortal.Officer;

/// <summary>Registers the Officer feature's services: queues and workspace, printed forms, and the administrator's catalogue.</summary>
public static class OfficerFeature
{
    public static IServiceCollection AddOfficerFeature(this IServiceCollection services) =>
        services.AddSingleton<OfficerQueries>().AddSingleton<TrackingLogQuery>().AddSingleton<HcmcPortal.Dossiers.DeclarationReader>().AddAdminFeature();

    public static IEndpointRouteBuilder MapOfficerFeature(this IEndpointRouteBuilder app) => app;
}

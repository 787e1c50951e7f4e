using HcmcPortal.Citizen.Catalogue;
using HcmcPortal.Citizen.Lookup;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Citizen.Notifications;
using HcmcPortal.Citizen.Submission;

namespace HcmcPortal.Citizen;

/// <summary>Registers the Citizen feature's services (stateless over the context factory, so singletons the REST API can share).</summary>
public static class CitizenFeature
{
    public static IServiceCollection AddCitizenFeature(this IServiceCollection services) => services
        .AddSingleton<ProcedureCatalog>()
        .AddSingleton<DraftService>()
        .AddSingleton<MyDossierService>()
        .AddSingleton<NotificationInbox>()
        .AddSingleton<LookupService>();

    public static IEndpointRouteBuilder MapCitizenFeature(this IEndpointRouteBuilder app) => app;
}

namespace HcmcPortal.Citizen;

/// <summary>Registers the Citizen feature's services and endpoints.</summary>
public static class CitizenFeature
{
    public static IServiceCollection AddCitizenFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCitizenFeature(this IEndpointRouteBuilder app) => app;
}

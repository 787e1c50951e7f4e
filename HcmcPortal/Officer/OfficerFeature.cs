namespace HcmcPortal.Officer;

/// <summary>Registers the Officer feature's services and endpoints.</summary>
public static class OfficerFeature
{
    public static IServiceCollection AddOfficerFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOfficerFeature(this IEndpointRouteBuilder app) => app;
}

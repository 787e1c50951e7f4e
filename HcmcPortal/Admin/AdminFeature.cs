using HcmcPortal.Admin.Catalogue;

namespace HcmcPortal.Admin;

/// <summary>The administrator's catalogue services (procedure workflows, working-day calendar).</summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services) => services.AddSingleton<AdminCatalog>().AddSingleton<HcmcPortal.Units.UnitImportService>().AddCatalogueEditor();
}

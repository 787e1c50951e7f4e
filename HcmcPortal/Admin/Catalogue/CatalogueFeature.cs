namespace HcmcPortal.Admin.Catalogue;

/// <summary>The procedure catalogue editor and its workbook (issue 15 items 1–2).</summary>
public static class CatalogueFeature
{
    public static IServiceCollection AddCatalogueEditor(this IServiceCollection services) =>
        services.AddSingleton<ProcedureEditor>().AddSingleton<CatalogueWorkbook>();
}

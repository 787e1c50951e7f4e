using MudBlazor;

namespace HcmcPortal.Shell;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#c62828",
            AppbarBackground = "#0b5394",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"] },
        },
    };
}

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
            // Darker than MudBlazor's defaults, so that white text on filled chips and buttons meets WCAG AA (4.5:1).
            Success = "#1b5e20",
            Info = "#01579b",
            Warning = "#8a4b00",
            Error = "#b71c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"] },
        },
    };
}

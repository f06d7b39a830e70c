using MudBlazor;

namespace SalesSpec.Web.Components.Layout;

public static class SalesSpecTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2D4BA0",
            Secondary = "#0F9D8A",
            AppbarBackground = "#1F2E5C",
            Background = "#F5F7FB",
            DrawerBackground = "#FFFFFF",
            // MudBlazor's defaults for these read below WCAG AA's 4.5:1 as text on white or on the page
            // background (error 3.7:1, warning 2.2:1, success 2.8:1, info 3.0:1, secondary text 4.5:1 at best).
            // These pass on both, and as the background of a filled alert under white text.
            Error = "#C62828",
            Warning = "#A14A06",
            Success = "#2E7D32",
            Info = "#1565C0",
            TextSecondary = "#5C6070",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8FA8FF",
            Secondary = "#3CCFB8",
            AppbarBackground = "#161B2E",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}

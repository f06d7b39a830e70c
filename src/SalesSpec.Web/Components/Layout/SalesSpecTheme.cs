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

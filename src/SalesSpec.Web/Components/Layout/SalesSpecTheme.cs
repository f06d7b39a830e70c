using MudBlazor;

namespace SalesSpec.Web.Components.Layout;

public static class SalesSpecTheme
{
    private const string DarkText = "#121212";

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
            // Success is dark enough to keep AA on the board's candidate cards, which are tinted with the warning tone.
            // These pass on both, and as the background of a filled alert under white text.
            Error = "#C62828",
            Warning = "#A14A06",
            Success = "#1B5E20",
            Info = "#1565C0",
            TextSecondary = "#5C6070",
        },
        // On the dark surfaces (#32333D, #373740, #27272F), and on the board's cards tinted by 10 %, these light tones
        // read at 4.7:1 or better; the text on a filled button or chip is dark, as white on them falls to about 2:1.
        PaletteDark = new PaletteDark
        {
            Primary = "#A9BCFF",
            PrimaryContrastText = DarkText,
            Secondary = "#3CCFB8",
            SecondaryContrastText = DarkText,
            AppbarBackground = "#161B2E",
            Error = "#FFB4AB",
            ErrorContrastText = DarkText,
            Warning = "#FFB74D",
            WarningContrastText = DarkText,
            Success = "#A5D6A7",
            SuccessContrastText = DarkText,
            Info = "#90CAF9",
            InfoContrastText = DarkText,
            // MudBlazor's dark secondary text (white at 50 %) is 4.3:1 on a card.
            TextSecondary = "#B8B9C2",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}

namespace SalesSpec.Web.Components.Layout;

/// <summary>
/// The light or dark theme, carried to the server in cookies so that statically rendered pages can render in it: the
/// person's own choice (the bar's theme button, on any page), else their system's colour scheme, which every page's
/// head writes from the browser's preference (App.razor).
/// </summary>
public static class ThemeCookie
{
    /// <summary>The system's scheme, as the head script last saw it.</summary>
    public const string Name = "salesspec-theme";

    /// <summary>The theme the person chose with the bar's button; it wins over the system's.</summary>
    public const string ChoiceName = "salesspec-theme-choice";

    /// <summary>The head script that writes the system's scheme; run before anything renders, on every page.</summary>
    public const string Script =
        "document.cookie='" + Name + "='+(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light')+';path=/;max-age=31536000;samesite=lax';";

    /// <summary>The person's choice, "dark" or "light", or null when they have not made one.</summary>
    public static string? Choice(HttpContext? context) =>
        context?.Request.Cookies[ChoiceName] is "dark" or "light" ? context.Request.Cookies[ChoiceName] : null;

    public static bool IsDark(HttpContext? context) => (Choice(context) ?? context?.Request.Cookies[Name]) == "dark";
}

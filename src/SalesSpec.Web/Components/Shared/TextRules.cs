namespace SalesSpec.Web.Components.Shared;

/// <summary>Rules every validator applies to free text that people or files bring in.</summary>
public static class TextRules
{
    public const string ControlCharacterMessage = "Remove the control characters (such as tabs, line breaks or NUL) from this text.";

    /// <summary>How much of a refused value an error message repeats back.</summary>
    public const int EchoLength = 60;

    public static bool HasNoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);

    /// <summary>A refused value as an error message shows it: cut short, control characters made visible.</summary>
    public static string Echo(string? text)
    {
        var shown = new string((text ?? "").Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > EchoLength ? shown[..EchoLength] + "…" : shown;
    }

    /// <summary>A name a file brings in, with any control characters left out (a CRM's user name with a stray NUL, say).</summary>
    public static string Printable(string text) => string.Concat((text ?? "").Where(c => !char.IsControl(c))).Trim();
}

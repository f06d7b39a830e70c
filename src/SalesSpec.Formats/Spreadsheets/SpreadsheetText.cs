using System.Globalization;

namespace SalesSpec.Formats.Spreadsheets;

/// <summary>
/// Formula-injection neutralisation (formats.md §1): a text cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or carriage return is written with a leading <c>'</c>, so a spreadsheet shows
/// it as text instead of running it. Plain numbers are left alone; <see cref="Restore"/> undoes it on import,
/// which is what lets an export round-trip exactly.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsQuote(text) ? "'" + text : text;
    }

    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && NeedsQuote(text[1..]) ? text[1..] : text;
    }

    private static bool NeedsQuote(string text) =>
        text.Length > 0 && Array.IndexOf(Triggers, text[0]) >= 0 && !IsPlainNumber(text);

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}

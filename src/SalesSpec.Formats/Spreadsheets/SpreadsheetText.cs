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
        // Text that already looks neutralised ("'=x") gets one more quote, so that Restore gives it back as it was.
        return NeedsQuote(text) || LooksNeutralised(text) ? "'" + text : text;
    }

    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LooksNeutralised(text) ? text[1..] : text;
    }

    /// <summary>One or more quotes, then text that needs one.</summary>
    private static bool LooksNeutralised(string text)
    {
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '\'')
        {
            quotes++;
        }
        return quotes > 0 && NeedsQuote(text[quotes..]);
    }

    private static bool NeedsQuote(string text) =>
        text.Length > 0 && Array.IndexOf(Triggers, text[0]) >= 0 && !IsPlainNumber(text);

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}

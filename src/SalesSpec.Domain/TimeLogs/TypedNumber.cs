using System.Globalization;

namespace SalesSpec.Domain.TimeLogs;

/// <summary>
/// A number as a person types it into a week: "7.5" and "7,5" are the same seven and a half hours (a lone comma is
/// always a decimal mark — nobody logs a thousand hours), and anything that is not plainly a number is refused with a
/// reason rather than read as something else ("7,5" as 75, "1e3" as a thousand, "1.123" rounded).
/// </summary>
public static class TypedNumber
{
    /// <summary>Decimals a person may type for hours or a percentage; stored hours keep <see cref="TimeLog.MaxDecimals"/>.</summary>
    public const int MaxTypedDecimals = 2;

    /// <summary>
    /// Reads <paramref name="text"/>. Empty is no number (null) and no problem. A sign is read, so that a negative
    /// number is refused by the week's rules, with their words, like any other.
    /// </summary>
    /// <returns>Null when the text is a number; else the reason, in words for the cell.</returns>
    public static string? TryRead(string? text, int maxDecimals, out decimal? value)
    {
        value = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }
        var digits = trimmed;
        var negative = false;
        if (digits[0] is '-' or '+' or '−')
        {
            negative = digits[0] != '+';
            digits = digits[1..].TrimStart();
        }
        var marks = digits.Count(c => c is '.' or ',');
        if (digits.Length == 0 || digits.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',')))
        {
            return $"'{Short(trimmed)}' is not a number: type it as 7.5 or 7,5.";
        }
        if (marks > 1)
        {
            return $"'{Short(trimmed)}' has more than one decimal mark: type it as 7.5 or 7,5, without thousands separators.";
        }
        var mark = digits.IndexOfAny(['.', ',']);
        // "7.50" has one decimal that matters, as the stored number has.
        var decimals = mark < 0 ? 0 : digits[(mark + 1)..].TrimEnd('0').Length;
        // "7." while someone is still typing "7.5" is seven; a mark alone is nothing.
        if (digits.Length == 1 && mark == 0)
        {
            return $"'{Short(trimmed)}' is not a number: type it as 7.5 or 7,5.";
        }
        if (decimals > maxDecimals)
        {
            return $"At most {maxDecimals} decimals: {Example(maxDecimals)}, not {Short(trimmed)}.";
        }
        if (!decimal.TryParse(digits.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return $"'{Short(trimmed)}' is too large a number.";
        }
        value = negative ? -number : number;
        return null;
    }

    /// <summary>A number as the cell shows it, with the person's decimal mark and no trailing zeros.</summary>
    public static string Show(decimal? value, bool decimalComma)
    {
        if (value is not { } number)
        {
            return "";
        }
        var text = number.ToString("0.####", CultureInfo.InvariantCulture);
        return decimalComma ? text.Replace('.', ',') : text;
    }

    private static string Short(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 19), "…");

    private static string Example(int decimals) => decimals == 0 ? "7" : "7." + new string('5', decimals);
}

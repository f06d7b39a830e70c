using System.Text.RegularExpressions;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>What a file's d/m/y dates (as Excel and Salesforce reports write them) say about their order.</summary>
internal sealed partial class SlashDateEvidence
{
    public int? DayFirstLine { get; private set; }

    public int? MonthFirstLine { get; private set; }

    public string? AmbiguousExample { get; private set; }

    public int AmbiguousLine { get; private set; }

    public void Add(string text, int line)
    {
        if (SlashDate().Match(text) is not { Success: true } match)
        {
            return;
        }
        var first = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (first > 12 && second <= 12)
        {
            DayFirstLine ??= line;
        }
        else if (second > 12 && first <= 12)
        {
            MonthFirstLine ??= line;
        }
        else if (first != second && AmbiguousExample is null)
        {
            (AmbiguousExample, AmbiguousLine) = (match.Value, line);
        }
    }

    [GeneratedRegex(@"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")]
    private static partial Regex SlashDate();
}

using System.Globalization;

namespace SalesSpec.Domain.Common;

/// <summary>An ISO-8601 week (Monday start), written like <c>2026-W47</c>.</summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    private IsoWeek(DateOnly monday) => Monday = monday;

    public DateOnly Monday { get; }

    public DateOnly Sunday => Monday.AddDays(6);

    public int Year => ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue));

    public int Week => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public static IsoWeek Containing(DateOnly date)
    {
        var offset = ((int)date.DayOfWeek + 6) % 7;
        return new IsoWeek(date.AddDays(-offset));
    }

    public static IsoWeek Of(int year, int week)
    {
        if (year is < 1900 or > 2999)
        {
            throw new DomainRuleException($"Year {year} is out of range (1900–2999).");
        }
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new DomainRuleException($"{year} has no ISO week {week} (it has {ISOWeek.GetWeeksInYear(year)}).");
        }
        return new IsoWeek(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
    }

    /// <summary>The week whose Monday is <paramref name="monday"/>; any other day is refused.</summary>
    public static IsoWeek FromMonday(DateOnly monday)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new DomainRuleException($"A week starts on a Monday; {monday:yyyy-MM-dd} is a {monday.DayOfWeek}.");
        }
        return new IsoWeek(monday);
    }

    /// <summary>Accepts <c>2026-W47</c> (also <c>2026W47</c>, lower-case w) or a date <c>YYYY-MM-DD</c> inside the week.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var s = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The same years as ISO weeks; a date in year 9999 would have no Sunday to end its week.
            if (date.Year is < 1900 or > 2999)
            {
                return false;
            }
            week = Containing(date);
            return true;
        }
        var w = s.IndexOfAny(['W', 'w']);
        if (w < 4)
        {
            return false;
        }
        // One dash at most between the year and the W: "2026--W07" is a typo, not a week.
        var yearText = s[..w] is [.. var digits, '-'] ? digits : s[..w];
        var weekText = s[(w + 1)..];
        if (yearText.Length != 4 || weekText.Length is < 1 or > 2
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(weekText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1900 or > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = Of(year, number);
        return true;
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week)
            ? week
            : throw new DomainRuleException($"'{text}' is not an ISO week (like 2026-W47) or a date (YYYY-MM-DD).");

    public IsoWeek AddWeeks(int weeks) => new(Monday.AddDays(7 * weeks));

    /// <summary>Number of weeks from this week to <paramref name="last"/>, both included.</summary>
    public int WeeksThrough(IsoWeek last) => (last.Monday.DayNumber - Monday.DayNumber) / 7 + 1;

    public int CompareTo(IsoWeek other) => Monday.CompareTo(other.Monday);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}

using System.Globalization;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>Reading the values CRM exports write: dates and timestamps, flags, durations, Salesforce ids.</summary>
internal static partial class CrmValues
{
    /// <summary>Longer than a day is not one activity; it is a data error worth a look.</summary>
    public const decimal MaxMinutes = 24 * 60;

    /// <summary>An event (a trade show, an offsite) may run over days, but not past a month.</summary>
    public const decimal MaxEventMinutes = 31 * 24 * 60;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss"];

    private static readonly string[] Years = ["yyyy", "yy"];

    private static readonly string[] Times = ["", " H:mm", " H:mm:ss", " h:mm tt", " h:mm:ss tt"];

    private static readonly string[] DayFirstFormats = SlashFormats("d/M");

    private static readonly string[] MonthFirstFormats = SlashFormats("M/d");

    private static string[] SlashFormats(string dayAndMonth) =>
        Years.SelectMany(year => Times.Select(time => $"{dayAndMonth}/{year}{time}")).ToArray();

    /// <summary>
    /// A date or timestamp: <c>2026-11-18</c>, <c>2026-11-18 14:30</c> (no zone: local as written), ISO 8601 with
    /// <c>T</c>, with or without a zone (<c>2026-11-18T14:30:00.000Z</c>, <c>…+01:00</c>), or Unix milliseconds as
    /// HubSpot's API names write them (an instant). Day-first or month-first dates are refused: they are ambiguous.
    /// </summary>
    public static bool TryMoment(string text, out CrmMoment value) => TryMoment(text, CrmDateOrder.DayFirst, out value);

    /// <summary>
    /// As <see cref="TryMoment(string, out CrmMoment)"/>, and also the d/m/y dates Excel and Salesforce reports write
    /// (<c>8/3/2026</c>, <c>8/3/2026 17:06</c>, <c>8/3/2026 5:06 PM</c>, <c>08.03.2026</c>), in the order given. They are wall
    /// clock, without a zone.
    /// </summary>
    public static bool TryMoment(string text, CrmDateOrder order, out CrmMoment value)
    {
        value = default;
        if (text.Length >= 6 && char.IsAsciiDigit(text[0]) && (text.IndexOf('/', StringComparison.Ordinal) is 1 or 2 || text.IndexOf('.', StringComparison.Ordinal) is 1 or 2))
        {
            var formats = order == CrmDateOrder.DayFirst ? DayFirstFormats : MonthFirstFormats;
            if (DateTime.TryParseExact(text.Replace('.', '/'), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var written))
            {
                value = new CrmMoment(written, null);
                return true;
            }
            return false;
        }
        if (text.Length >= 10 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            // Before 2000 in milliseconds is almost surely a count of seconds: refused rather than put in 1970.
            if (milliseconds is > 253_402_300_799_999 or < 946_684_800_000)
            {
                return false;
            }
            var instant = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            value = new CrmMoment(instant.UtcDateTime, instant);
            return true;
        }
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-')
        {
            return false;
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new CrmMoment(local, null);
            return true;
        }
        if (!text.Contains('T', StringComparison.Ordinal)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            value = new CrmMoment(parsed, null);
            return true;
        }
        // A Z or an offset: the moment, and the wall clock at the offset the file wrote.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned))
        {
            return false;
        }
        value = new CrmMoment(zoned.DateTime, zoned);
        return true;
    }

    public static string DateHint => "Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds.";

    /// <summary>The years SalesSpec keeps weeks for (as the time-log CSV); Salesforce writes 4000-12-31 for "no date".</summary>
    public static bool InRange(CrmMoment value) => value.Written.Year is >= 1900 and <= 2999;

    /// <summary>true, false, 1, 0; empty is false.</summary>
    public static bool? Flag(string text) => text.ToLowerInvariant() switch
    {
        "" or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        _ => null,
    };

    /// <summary>A whole or decimal number ≥ 0; empty gives null.</summary>
    public static bool TryNumber(string text, out decimal? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A duration in minutes, read in the unit the column's header names in parentheses — <c>(HH:mm:ss)</c>, <c>(ms)</c>,
    /// <c>(seconds)</c>, <c>(minutes)</c>, <c>(hours)</c> — else in <paramref name="plainUnit"/>. Text with colons is
    /// always h:mm:ss (or mm:ss); under an (HH:mm:ss) header a plain number is a fraction of a day, as Excel keeps times.
    /// Empty gives null.
    /// </summary>
    public static bool TryDuration(string text, string unit, DurationUnit plainUnit, out decimal? minutes)
    {
        minutes = null;
        var inUnit = unit.Replace(" ", "", StringComparison.Ordinal) switch
        {
            "ms" or "msec" or "millisecond" or "milliseconds" => DurationUnit.Milliseconds,
            "s" or "sec" or "secs" or "second" or "seconds" => DurationUnit.Seconds,
            "m" or "min" or "mins" or "minute" or "minutes" => DurationUnit.Minutes,
            "h" or "hr" or "hrs" or "hour" or "hours" => DurationUnit.Hours,
            "hh:mm:ss" or "h:mm:ss" or "hh:mm" or "h:mm" or "[h]:mm:ss" => DurationUnit.Days,
            _ => plainUnit,
        };
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // Two parts are hours and minutes where the column counts hours (a time tracker's 1:30), else minutes and seconds.
            return TryClock(text, hoursFirst: inUnit is DurationUnit.Hours or DurationUnit.Days && !unit.EndsWith("ss", StringComparison.Ordinal), out minutes);
        }
        if (!TryNumber(text, out var number))
        {
            return false;
        }
        minutes = inUnit switch
        {
            DurationUnit.Milliseconds => number / 60_000m,
            DurationUnit.Seconds => number / 60m,
            DurationUnit.Hours => number * 60m,
            // Excel's fraction of a day, to the whole second the cell shows.
            DurationUnit.Days => number is { } days ? Math.Round(days * 86_400m, MidpointRounding.AwayFromZero) / 60m : null,
            _ => number,
        };
        return true;
    }

    private static bool TryClock(string text, bool hoursFirst, out decimal? minutes)
    {
        minutes = null;
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length is 0 or > 6 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (numbers.Skip(1).Any(n => n >= 60))
        {
            return false;
        }
        var seconds = numbers.Length == 3 ? numbers[0] * 3600L + numbers[1] * 60 + numbers[2]
            : hoursFirst ? numbers[0] * 3600L + numbers[1] * 60
            : numbers[0] * 60L + numbers[1];
        minutes = seconds / 60m;
        return true;
    }

    /// <summary>
    /// An id Excel has damaged: written in scientific notation (<c>1.16574E+11</c>), the digits after the sixth gone.
    /// </summary>
    public static bool IsExcelDamagedId(string id) => ScientificId().IsMatch(id);

    /// <summary>A long number id that ends in zeros: how an id looks after Excel kept only its first 15 digits or fewer.</summary>
    public static bool LooksRounded(string id) => id.Length >= 11 && id.All(char.IsAsciiDigit) && id.EndsWith("000", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+([.,]\d+)?[eE]\+?\d+$")]
    private static partial System.Text.RegularExpressions.Regex ScientificId();

    /// <summary>What a Salesforce id points at, from its three-character key prefix.</summary>
    public static CrmLink SalesforceLink(string id) => id.Length < 3 ? CrmLink.None : id[..3] switch
    {
        "00Q" => CrmLink.Lead,
        "003" => CrmLink.Contact,
        "006" => CrmLink.Opportunity,
        "001" => CrmLink.Account,
        "500" => CrmLink.Case,
        _ => CrmLink.None,
    };
}

/// <summary>The unit a duration column without one in its header is in.</summary>
internal enum DurationUnit
{
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
}

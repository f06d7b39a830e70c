using System.Globalization;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>Reading the values CRM exports write: dates and timestamps, flags, durations, Salesforce ids.</summary>
internal static class CrmValues
{
    /// <summary>Longer than a day is not one activity; it is a data error worth a look.</summary>
    public const decimal MaxMinutes = 24 * 60;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss"];

    /// <summary>
    /// A date or timestamp: <c>2026-11-18</c>, <c>2026-11-18 14:30</c> (no zone: local as written), ISO 8601 with
    /// <c>T</c>, with or without a zone (<c>2026-11-18T14:30:00.000Z</c>, <c>…+01:00</c>), or Unix milliseconds as
    /// HubSpot's API names write them (an instant). Day-first or month-first dates are refused: they are ambiguous.
    /// </summary>
    public static bool TryMoment(string text, out CrmMoment value)
    {
        value = default;
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

    public static string DateHint => "Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z or Unix milliseconds.";

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

    /// <summary>HubSpot's call duration: milliseconds (its API name writes them), or <c>h:mm:ss</c> / <c>mm:ss</c> as its screens show it.</summary>
    public static bool TryCallDuration(string text, out decimal? minutes)
    {
        minutes = null;
        if (text.Contains(':', StringComparison.Ordinal))
        {
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
            var seconds = numbers.Length == 3 ? numbers[0] * 3600L + numbers[1] * 60 + numbers[2] : numbers[0] * 60L + numbers[1];
            minutes = seconds / 60m;
            return true;
        }
        if (!TryNumber(text, out var milliseconds))
        {
            return false;
        }
        minutes = milliseconds / 60_000m;
        return true;
    }

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

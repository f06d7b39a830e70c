namespace SalesSpec.Domain.Common;

/// <summary>
/// An organisation's calendar: the day (and so the ISO week) an instant falls on is the day at the organisation's
/// own time zone, not at UTC. One place for "today", "this week" and the day of a CRM timestamp.
/// </summary>
public static class LocalDay
{
    /// <summary>The IANA (or Windows) zone of that id; UTC when the id is empty or unknown to this machine.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar day the instant falls on in the zone.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}

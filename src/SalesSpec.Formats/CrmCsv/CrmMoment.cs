using SalesSpec.Domain.Common;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// A date or time as a CRM export writes it. <see cref="Written"/> is the wall clock in the file; <see cref="Instant"/>
/// is set only when the value fixes a moment (a <c>Z</c>, an offset, Unix milliseconds). A date, or a time without a
/// zone (HubSpot writes the portal's own wall clock), is already local and keeps its day.
/// </summary>
internal readonly record struct CrmMoment(DateTime Written, DateTimeOffset? Instant)
{
    /// <summary>The calendar day as written, for date columns (Salesforce's ActivityDate is midnight UTC by definition).</summary>
    public DateOnly WrittenDay => DateOnly.FromDateTime(Written);

    /// <summary>The organisation's day: an instant converted to its zone first, anything else as written.</summary>
    public DateOnly DayIn(TimeZoneInfo zone) => Instant is { } at ? LocalDay.Of(at, zone) : WrittenDay;

    /// <summary>For the time between a start and an end; a zone-less value counts as if at UTC, as the start and end share a zone.</summary>
    public DateTimeOffset ForSpan => Instant ?? new DateTimeOffset(Written, TimeSpan.Zero);
}

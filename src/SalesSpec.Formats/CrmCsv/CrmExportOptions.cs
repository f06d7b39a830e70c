namespace SalesSpec.Formats.CrmCsv;

public sealed record CrmExportOptions
{
    /// <summary>The organisation's reps, name → email: a HubSpot owner given only by name is matched to them.</summary>
    public IReadOnlyDictionary<string, string> RepsByName { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The organisation's zone: a timestamp with a <c>Z</c> or an offset counts on its day there. Dates, and times
    /// without a zone, keep the day they show.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Problems kept for the report; all are still counted.</summary>
    public int MaxProblems { get; init; } = 1000;
}

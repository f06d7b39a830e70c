namespace SalesSpec.Formats.CrmCsv;

public sealed record CrmExportOptions
{
    /// <summary>
    /// The organisation's reps, name → email: an owner given only by name (HubSpot, a Salesforce report) is matched to
    /// them, ignoring case and accents.
    /// </summary>
    public IReadOnlyDictionary<string, string> RepsByName { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The organisation's zone: a timestamp with a <c>Z</c> or an offset counts on its day there. Dates, and times
    /// without a zone, keep the day they show.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Problems kept for the report; all are still counted.</summary>
    public int MaxProblems { get; init; } = 1000;

    /// <summary>How to read dates such as 8/3/2026 when a file's own dates do not tell (no day above 12); null: ask.</summary>
    public CrmDateOrder? DateOrder { get; init; }

    /// <summary>The most an event longer than a day counts on each calendar day it covers: the organisation's weekly hours ÷ 5.</summary>
    public decimal StandardDayMinutes { get; init; } = 8 * 60;

    /// <summary>Owners the consultant mapped by hand, as the file writes them (case-insensitive) → the rep they are.</summary>
    public IReadOnlyDictionary<string, CrmOwner> OwnerMap { get; init; } = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The consultant's word on a user, by email or name as the file writes it: true, a person whose records count,
    /// even if they look like an integration user; false, a system user whose records are skipped.
    /// </summary>
    public IReadOnlyDictionary<string, bool> UserOverrides { get; init; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The layout the consultant mapped or named for this import: every activity file whose header has its columns is
    /// read through it, even one SalesSpec would otherwise recognise.
    /// </summary>
    public CrmLayout? Layout { get; init; }

    /// <summary>The organisation's saved layouts: a file SalesSpec does not recognise is read through the first that fits it.</summary>
    public IReadOnlyList<CrmLayout> SavedLayouts { get; init; } = [];
}

/// <summary>Day first (8/3/2026 is 8 March) or month first (3 August).</summary>
public enum CrmDateOrder
{
    DayFirst,
    MonthFirst,
}

/// <summary>A rep an owner resolves to: the email that keys them, and their name when known.</summary>
public sealed record CrmOwner(string Email, string? Name);

/// <summary>An owner the file names, with how many of its records they own.</summary>
public sealed record CrmOwnerCount(string Owner, int Records);

/// <summary>Something the consultant should know about a record that was still counted (a long event, an inactive user).</summary>
public sealed record CrmNote(string File, int Line, string Text);

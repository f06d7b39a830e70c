namespace SalesSpec.Domain.Crm;

/// <summary>One CRM activity, read from an export and reduced to what classification needs.</summary>
/// <param name="File">The export file it came from, for the report.</param>
/// <param name="Line">Its line in that file.</param>
/// <param name="OwnerEmail">The rep who did it, already resolved to an email address.</param>
/// <param name="Minutes">The duration the record gives; null when it gives none (a standard duration applies).</param>
public sealed record CrmRecord(
    string File,
    int Line,
    string RecordId,
    string OwnerEmail,
    string? OwnerName,
    CrmActivityType Type,
    string Subject,
    DateOnly Date,
    decimal? Minutes,
    CrmLink Links)
{
    /// <summary>Inbound or outbound (a call's direction, an email's: sent or incoming), as the export writes it; empty when it does not say.</summary>
    public string Direction { get; init; } = "";

    /// <summary>What came of it (a call's outcome or disposition, a meeting's outcome), as written; empty when not given.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>Its status (a task's, a call's), as written; empty when not given.</summary>
    public string Status { get; init; } = "";
}

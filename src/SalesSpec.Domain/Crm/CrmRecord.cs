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
    CrmLink Links);

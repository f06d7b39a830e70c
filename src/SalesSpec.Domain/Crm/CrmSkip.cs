namespace SalesSpec.Domain.Crm;

/// <summary>A record that brought no hours, and why.</summary>
public sealed record CrmSkip(
    string File,
    int Line,
    string RecordId,
    string Owner,
    CrmActivityType? Type,
    string Subject,
    DateOnly? Date,
    CrmSkipReason Reason);

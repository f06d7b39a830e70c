namespace SalesSpec.Formats.CrmCsv;

public sealed record CrmExportOptions
{
    /// <summary>The organisation's reps, name → email: a HubSpot owner given only by name is matched to them.</summary>
    public IReadOnlyDictionary<string, string> RepsByName { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Problems kept for the report; all are still counted.</summary>
    public int MaxProblems { get; init; } = 1000;
}

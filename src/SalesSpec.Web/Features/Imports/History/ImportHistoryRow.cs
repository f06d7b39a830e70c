namespace SalesSpec.Web.Features.Imports.History;

/// <summary>One import as the import history lists it.</summary>
public sealed record ImportHistoryRow(
    int Id,
    DateTimeOffset At,
    string ImportedBy,
    string Summary,
    int RepWeeks,
    IsoWeek? FirstWeek,
    IsoWeek? LastWeek,
    DateTimeOffset? RolledBackAt,
    string? RolledBackBy,
    DateTimeOffset KeptUntil,
    bool MayRollBack)
{
    /// <summary>"Rolled back by …", "Can be rolled back until …" or "Kept".</summary>
    public string State => RolledBackAt is { } at
        ? $"Rolled back by {RolledBackBy} on {at.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC"
        : MayRollBack
            ? $"Can be rolled back until {KeptUntil.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC"
            : "Kept (more than 7 days old)";
}

/// <summary>A rep-week that keeps an import from being rolled back, and why (a row of a raw query).</summary>
public sealed class RollbackBlocker
{
    public int RepId { get; set; }

    public string Name { get; set; } = "";

    public DateOnly WeekStart { get; set; }

    public string Reason { get; set; } = "";

    public override string ToString() => $"{Name} {IsoWeek.FromMonday(WeekStart)} ({Reason})";
}

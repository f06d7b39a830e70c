namespace SalesSpec.Web.Features.Audit;

/// <summary>One line of the audit log: when, who (by name), and what they did in words.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Who, string Action, string EntityType, string Summary)
{
    /// <summary>The whole line as a sentence: "Mia Manager moved Kara Lopez from Full-Cycle Rep to Market Response Rep".</summary>
    public string Sentence => Summary.Length == 0 ? $"{Who} {Action.ToLowerInvariant()} a {EntityType}" : $"{Who} {Summary}";
}

/// <summary>A page of the audit log and how many entries match in all.</summary>
public sealed record AuditRows(IReadOnlyList<AuditRow> Rows, int Total);

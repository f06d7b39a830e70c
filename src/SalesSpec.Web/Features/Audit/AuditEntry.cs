namespace SalesSpec.Web.Features.Audit;

/// <summary>Who changed what, and when — written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Created, Changed or Deleted.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>What changed, e.g. <c>Role: Rep → Manager</c>.</summary>
    public string Summary { get; set; } = "";
}

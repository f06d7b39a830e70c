namespace SalesSpec.Web.Features.Audit;

/// <summary>
/// What outlives an organisation: its deletion. The organisation's own audit log is deleted with it, so the
/// record of who deleted it, and what it held, is kept here.
/// </summary>
public sealed class SystemAuditEntry
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The user's email at the time, since the user may be gone later.</summary>
    public string UserEmail { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = "";

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string Summary { get; set; } = "";
}

namespace SalesSpec.Web.Features.Members.Services;

/// <summary>An Admin's invitation to join an organisation in a role; accepted once, through a secret link.</summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string Email { get; set; } = "";

    public MemberRole Role { get; set; }

    /// <summary>For the Rep role: the rep the new member is.</summary>
    public int? RepId { get; set; }

    /// <summary>For the Manager role: the managed teams, as comma-separated ids.</summary>
    public string ManagedTeamIds { get; set; } = "";

    /// <summary>SHA-256 of the link's secret, hex.</summary>
    public string TokenHash { get; set; } = "";

    public string InvitedByUserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

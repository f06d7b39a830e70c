using SalesSpec.Domain.Access;

namespace SalesSpec.Web.Features.Access;

/// <summary>
/// Proof that the signed-in user is a member of one organisation, and what they may see there.
/// Feature services take this, never a bare organisation id.
/// </summary>
public sealed record MemberAccess(
    string UserId,
    int OrganizationId,
    string OrganizationName,
    MemberRole Role,
    int? RepId,
    IReadOnlySet<int> ManagedTeamIds)
{
    public bool SeesWholeOrganization => Role is MemberRole.Admin or MemberRole.Leader or MemberRole.Consultant;

    public bool IsAdmin => Role == MemberRole.Admin;

    /// <summary>Whether a rep (by id and team) is within what this member may see.</summary>
    public bool MaySee(int repId, int? teamId) =>
        SeesWholeOrganization
        || (Role == MemberRole.Manager && teamId is int team && ManagedTeamIds.Contains(team))
        || (RepId == repId);
}

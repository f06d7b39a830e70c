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

    /// <summary>Whether this member brings data in and takes it out in bulk: time logs, CRM exports, lead counts.</summary>
    public bool MayImport => Role is MemberRole.Admin or MemberRole.Leader or MemberRole.Consultant;

    /// <summary>Whether this member designs the future organisation in scenarios (reps never see them).</summary>
    public bool MayPlanScenarios => Role is MemberRole.Admin or MemberRole.Leader or MemberRole.Consultant;

    /// <summary>Whether a rep (by id and team) is within what this member may see.</summary>
    public bool MaySee(int repId, int? teamId) =>
        SeesWholeOrganization
        || (Role == MemberRole.Manager && teamId is int team && ManagedTeamIds.Contains(team))
        || (RepId == repId);

    /// <summary>Whether this member reviews (approves, rejects, enters on behalf of) the reps of a team.</summary>
    public bool MayReview(int? teamId) =>
        Role is MemberRole.Admin or MemberRole.Leader
        || (Role == MemberRole.Manager && teamId is int team && ManagedTeamIds.Contains(team));

    /// <summary>Whether this member may close a period for a team (null: the whole organisation, Admins only).</summary>
    public bool MayLock(int? teamId) =>
        IsAdmin || (Role == MemberRole.Manager && teamId is int team && ManagedTeamIds.Contains(team));

    /// <summary>Whether this member may see and enter the week of a rep (by id and team).</summary>
    public bool MayEnterWeekOf(int repId, int? teamId) => RepId == repId || MayReview(teamId);
}

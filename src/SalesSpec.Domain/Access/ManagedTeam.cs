using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Access;

/// <summary>A team a Manager member is responsible for.</summary>
public sealed class ManagedTeam
{
    private ManagedTeam()
    {
        Membership = null!;
        Team = null!;
    }

    internal ManagedTeam(Membership membership, Team team)
    {
        Membership = membership;
        Team = team;
        TeamId = team.Id;
    }

    public int MembershipId { get; private set; }

    public Membership Membership { get; private set; }

    public int TeamId { get; private set; }

    public Team Team { get; private set; }
}

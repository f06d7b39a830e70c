using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Access;

/// <summary>A user's place in one organisation: a role, the rep they are (for reps), the teams they manage (for managers).</summary>
public sealed class Membership
{
    private readonly List<ManagedTeam> _managedTeams = [];

    private Membership()
    {
        UserId = "";
        Organization = null!;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public MemberRole Role { get; private set; }

    public int? RepId { get; private set; }

    public Rep? Rep { get; private set; }

    public IReadOnlyCollection<ManagedTeam> ManagedTeams => _managedTeams;

    public static Membership Create(string userId, Organization organization, MemberRole role, Rep? rep = null, IEnumerable<Team>? managedTeams = null)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new DomainRuleException("A membership needs a user.");
        }
        var membership = new Membership { UserId = userId, Organization = organization, OrganizationId = organization.Id };
        membership.ChangeRole(role, rep, managedTeams);
        return membership;
    }

    public void ChangeRole(MemberRole role, Rep? rep = null, IEnumerable<Team>? managedTeams = null)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException($"Unknown role '{role}'.");
        }
        if (role == MemberRole.Rep && rep is null)
        {
            throw new DomainRuleException("A member with the Rep role must be linked to a rep of the organisation.");
        }
        if (rep is not null && !SameOrganization(rep.Organization, rep.OrganizationId))
        {
            throw new DomainRuleException("The rep belongs to another organisation.");
        }
        var teams = managedTeams?.ToList() ?? [];
        if (teams.Count > 0 && role != MemberRole.Manager)
        {
            throw new DomainRuleException("Only a Manager manages teams.");
        }
        if (teams.Any(t => !SameOrganization(t.Organization, t.OrganizationId)))
        {
            throw new DomainRuleException("A managed team belongs to another organisation.");
        }
        Role = role;
        Rep = rep;
        RepId = rep?.Id;
        _managedTeams.Clear();
        _managedTeams.AddRange(teams.DistinctBy(t => t).Select(t => new ManagedTeam(this, t)));
    }

    private bool SameOrganization(Organization other, int otherId) =>
        ReferenceEquals(other, Organization) || (otherId != 0 && otherId == OrganizationId);
}

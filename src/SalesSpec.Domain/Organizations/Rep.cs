using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>A salesperson whose time is logged. The email identifies them within the organisation.</summary>
public sealed class Rep : IVersioned
{
    private Rep()
    {
        Name = "";
        Email = "";
        Organization = null!;
        Role = null!;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public string Name { get; private set; }

    /// <summary>Stored lower-case: reps are matched case-insensitively.</summary>
    public string Email { get; private set; }

    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    public int RoleId { get; private set; }

    public Role Role { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Full-time equivalent, 0 &lt; FTE ≤ 1.5 (1 = a full-time person).</summary>
    public decimal Fte { get; private set; } = 1m;

    /// <summary>Raised on every saved change, so a save based on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public static Rep Create(string name, string email, Role role, Team? team = null, decimal fte = 1m)
    {
        ArgumentNullException.ThrowIfNull(role);
        var rep = new Rep
        {
            Organization = role.Organization,
            OrganizationId = role.OrganizationId,
            Name = Guard.Name(name, "Rep name"),
            Email = Guard.Email(email),
        };
        rep.ChangeRole(role);
        rep.MoveToTeam(team);
        rep.SetFte(fte);
        return rep;
    }

    public void Rename(string name) => Name = Guard.Name(name, "Rep name");

    public void ChangeEmail(string email) => Email = Guard.Email(email);

    public void ChangeRole(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        EnsureSameOrganization(role.Organization, role.OrganizationId, "role");
        Role = role;
        RoleId = role.Id;
    }

    public void MoveToTeam(Team? team)
    {
        if (team is not null)
        {
            EnsureSameOrganization(team.Organization, team.OrganizationId, "team");
            // An archived team keeps the people it had (their history stays with it) but takes no new ones.
            if (team.IsArchived && !ReferenceEquals(team, Team) && (team.Id == 0 || team.Id != TeamId))
            {
                throw new DomainRuleException($"The team {team.Name} is archived and takes no new people; restore it first or choose another team.");
            }
        }
        Team = team;
        TeamId = team?.Id;
    }

    public void SetFte(decimal fte)
    {
        if (fte is <= 0m or > 1.5m)
        {
            throw new DomainRuleException($"FTE must be more than 0 and at most 1.5; got {fte}.");
        }
        Fte = fte;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private void EnsureSameOrganization(Organization other, int otherId, string what)
    {
        var same = ReferenceEquals(other, Organization) || (otherId != 0 && otherId == OrganizationId);
        if (!same)
        {
            throw new DomainRuleException($"The {what} belongs to another organisation.");
        }
    }
}

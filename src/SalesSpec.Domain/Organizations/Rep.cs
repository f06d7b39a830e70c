using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>A salesperson whose time is logged. The email identifies them within the organisation.</summary>
public sealed class Rep : IVersioned
{
    private readonly List<RepTeamAssignment> _teamAssignments = [];

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

    /// <summary>The team of the latest assignment: the current team (or the one a scheduled move leads to).</summary>
    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    /// <summary>Which team the rep was in, week by week; ordered by week once loaded.</summary>
    public IReadOnlyList<RepTeamAssignment> TeamAssignments => _teamAssignments;

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
        rep.EnsureMayJoin(team);
        // A new rep has always been in their first team: the weeks they log before joining count for it.
        rep._teamAssignments.Add(RepTeamAssignment.Start(rep, team, RepTeamAssignment.Beginning));
        rep.Team = team;
        rep.TeamId = team?.Id;
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

    /// <summary>
    /// Moves the rep to <paramref name="team"/> (null: no team) from week <paramref name="from"/> on. Moves
    /// recorded for later weeks are superseded; the history must be loaded (<see cref="TeamAssignments"/>).
    /// </summary>
    public void MoveToTeam(Team? team, IsoWeek from)
    {
        if (_teamAssignments.Count == 0)
        {
            throw new InvalidOperationException("Load the rep's team assignments before moving them to another team.");
        }
        EnsureMayJoin(team);
        var history = _teamAssignments.OrderBy(a => a.FromWeek).ToList();
        if (from.Monday < history[0].FromWeek)
        {
            throw new DomainRuleException($"{Name}'s team history starts in {IsoWeek.FromMonday(history[0].FromWeek)}; a team change cannot take effect before it.");
        }
        foreach (var later in history.Where(a => a.FromWeek > from.Monday))
        {
            _teamAssignments.Remove(later);
        }
        var previous = history.Where(a => a.FromWeek < from.Monday).LastOrDefault();
        var same = history.SingleOrDefault(a => a.FromWeek == from.Monday);
        if (previous is not null && previous.IsIn(team))
        {
            // Back in the team of the weeks before: one assignment, no change recorded.
            if (same is not null)
            {
                _teamAssignments.Remove(same);
            }
            previous.EndBefore(null);
        }
        else if (same is not null)
        {
            same.ChangeTeam(team);
            same.EndBefore(null);
        }
        else
        {
            previous?.EndBefore(from.Monday);
            _teamAssignments.Add(RepTeamAssignment.Start(this, team, from.Monday));
        }
        Team = team;
        TeamId = team?.Id;
    }

    /// <summary>The team assignment that covers <paramref name="week"/>; the history must be loaded.</summary>
    public RepTeamAssignment? AssignmentIn(IsoWeek week) => _teamAssignments.FirstOrDefault(a => a.Covers(week.Monday));

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

    private void EnsureMayJoin(Team? team)
    {
        if (team is null)
        {
            return;
        }
        EnsureSameOrganization(team.Organization, team.OrganizationId, "team");
        // An archived team keeps the people it had (their history stays with it) but takes no new ones.
        if (team.IsArchived && !ReferenceEquals(team, Team) && (team.Id == 0 || team.Id != TeamId))
        {
            throw new DomainRuleException($"The team {team.Name} is archived and takes no new people; restore it first or choose another team.");
        }
    }

    private void EnsureSameOrganization(Organization other, int otherId, string what)
    {
        var same = ReferenceEquals(other, Organization) || (otherId != 0 && otherId == OrganizationId);
        if (!same)
        {
            throw new DomainRuleException($"The {what} belongs to another organisation.");
        }
    }
}

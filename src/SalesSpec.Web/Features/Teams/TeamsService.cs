using FluentValidation;
using SalesSpec.Web.Features.TeamHistory;

namespace SalesSpec.Web.Features.Teams;

/// <summary>An Admin's teams: create, rename, archive and restore, merge, and who manages each.</summary>
public sealed class TeamsService(OrganizationAccess access, IValidator<TeamForm> validator, IValidator<TeamMoveCheck> teamMoves, TimeProvider clock)
{
    /// <summary>Every team (archived ones too), by name; empty when the member may not see the whole organisation.</summary>
    public async Task<IReadOnlyList<TeamDocument>> ListAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.SeesWholeOrganization && !member.May(Permission.ManageTeams))
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await DocumentsAsync(db, null, cancellationToken);
    }

    /// <summary>The members with the Manager role, who may be given teams to manage.</summary>
    public async Task<IReadOnlyList<TeamManager>> ManagersAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.ManageTeams))
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rows = await db.Memberships.Where(m => m.Role == MemberRole.Manager)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TeamManager(r.Id, NameOf(r.DisplayName, r.Email)))
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Outcome<TeamDocument>> CreateAsync(MemberAccess member, TeamForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        var check = await validator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<TeamDocument>();
        }
        var name = form.Name.Trim();
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Teams).SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<TeamDocument>("This organisation does not exist any more.");
        }
        if (Taken(organization.Teams, name, null) is { } taken)
        {
            return Outcome.Invalid<TeamDocument>(taken);
        }
        Team team;
        try
        {
            team = organization.AddTeam(name);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<TeamDocument>(e.Message);
        }
        return await SaveAsync(db, team.Name, () => DocumentAsync(db, team.Id, cancellationToken), cancellationToken);
    }

    /// <summary>Renames, archives or restores a team, or sets its managers, unless it changed since <see cref="TeamChange.Version"/>.</summary>
    public async Task<Outcome<TeamDocument>> ChangeAsync(MemberAccess member, int teamId, TeamChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(change);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        if (change.Version is not int version)
        {
            return Outcome.Invalid<TeamDocument>("Send the version of the team you read (list the teams first).");
        }
        if (!change.ChangesSomething)
        {
            return Outcome.Invalid<TeamDocument>("Send what to change: name, archived or managers.");
        }
        if (change.Name is not null)
        {
            var check = await validator.CheckAsync(new TeamForm { Name = change.Name }, cancellationToken);
            if (!check.Succeeded)
            {
                return check.As<TeamDocument>();
            }
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var teams = await db.Teams.ToListAsync(cancellationToken);
        var team = teams.SingleOrDefault(t => t.Id == teamId);
        if (team is null)
        {
            return Outcome.NotFound<TeamDocument>($"There is no team {teamId} in this organisation.");
        }
        if (team.Version != version)
        {
            return Outcome.Conflict<TeamDocument>(Stale(team.Name, team.Version, version));
        }
        try
        {
            if (change.Name is not null)
            {
                if (Taken(teams, change.Name.Trim(), team.Id) is { } taken)
                {
                    return Outcome.Invalid<TeamDocument>(taken);
                }
                team.Rename(change.Name);
            }
            if (change.Archived is bool archived)
            {
                if (archived)
                {
                    team.Archive();
                }
                else
                {
                    team.Restore();
                }
            }
            if (change.Managers is not null && await SetManagersAsync(db, team, change.Managers, cancellationToken) is { } wrong)
            {
                return Outcome.Invalid<TeamDocument>(wrong);
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<TeamDocument>(e.Message);
        }
        // A change of managers alone changes no column of the team; its version is raised all the same, so that
        // every change of the team is checked against the version it was read with.
        db.Entry(team).Property(t => t.Version).IsModified = true;
        db.Entry(team).Property(t => t.Version).OriginalValue = version;
        return await SaveAsync(db, team.Name, () => DocumentAsync(db, team.Id, cancellationToken), cancellationToken, Stale(team.Name, version + 1, version));
    }

    /// <summary>Moves a team's people and managers to another team and archives it; answers the team that took them.</summary>
    public async Task<Outcome<TeamDocument>> MergeAsync(MemberAccess member, int teamId, TeamMerge merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(merge);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        if (merge.Into is not int into || merge.Version is not int version)
        {
            return Outcome.Invalid<TeamDocument>("Send the team to merge into (into) and the version of the team you merge (version).");
        }
        if (into == teamId)
        {
            return Outcome.Invalid<TeamDocument>("A team cannot be merged into itself; choose another team.");
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var teams = await db.Teams.Where(t => t.Id == teamId || t.Id == into).ToListAsync(cancellationToken);
        if (teams.SingleOrDefault(t => t.Id == teamId) is not { } source)
        {
            return Outcome.NotFound<TeamDocument>($"There is no team {teamId} in this organisation.");
        }
        if (teams.SingleOrDefault(t => t.Id == into) is not { } target)
        {
            return Outcome.NotFound<TeamDocument>($"There is no team {into} in this organisation to merge into.");
        }
        if (source.Version != version)
        {
            return Outcome.Conflict<TeamDocument>(Stale(source.Name, source.Version, version));
        }
        if (!EffectiveWeek.IsValid(merge.From))
        {
            return Outcome.Invalid<TeamDocument>(EffectiveWeek.Message(merge.From));
        }
        // The merged team's earlier weeks stay its own (locked figures among them); its people are the other team's from the week given.
        var week = EffectiveWeek.Resolve(merge.From, member.ThisWeek(clock));
        var locks = await TeamMoves.LocksReachingAsync(db, week, cancellationToken);
        try
        {
            foreach (var rep in await db.Reps.Include(r => r.TeamAssignments).Where(r => r.TeamId == source.Id).ToListAsync(cancellationToken))
            {
                if (await TeamMoves.MoveAsync(teamMoves, rep, target, week, locks, cancellationToken) is { Succeeded: false } refusedMove)
                {
                    return Outcome.Invalid<TeamDocument>(refusedMove.Message + " The teams were not merged.");
                }
            }
            var managers = await db.Memberships.Include(m => m.Rep).Include(m => m.ManagedTeams).ThenInclude(t => t.Team)
                .Where(m => m.ManagedTeams.Any(t => t.TeamId == source.Id)).ToListAsync(cancellationToken);
            foreach (var manager in managers)
            {
                var managed = manager.ManagedTeams.Select(t => t.Team).Where(t => t.Id != source.Id).Append(target).DistinctBy(t => t.Id).ToList();
                manager.ChangeRole(manager.Role, manager.Rep, managed);
            }
            source.Archive();
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<TeamDocument>(e.Message);
        }
        db.Entry(source).Property(t => t.Version).OriginalValue = version;
        return await SaveAsync(db, target.Name, () => DocumentAsync(db, target.Id, cancellationToken), cancellationToken, Stale(source.Name, version + 1, version));
    }

    private static async Task<string?> SetManagersAsync(SalesSpecDbContext db, Team team, IReadOnlyList<int> wanted, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.Include(m => m.Rep).Include(m => m.ManagedTeams).ThenInclude(t => t.Team)
            .Where(m => m.Role == MemberRole.Manager || m.ManagedTeams.Any(t => t.TeamId == team.Id))
            .ToListAsync(cancellationToken);
        var notManagers = wanted.Where(id => !memberships.Any(m => m.Id == id && m.Role == MemberRole.Manager)).Distinct().ToList();
        if (notManagers.Count > 0)
        {
            return $"Only members with the Manager role manage teams; {string.Join(", ", notManagers)} is not one. Give them the Manager role on the Members page first.";
        }
        if (team.IsArchived && wanted.Count > 0)
        {
            return $"The team {team.Name} is archived; restore it before giving it managers.";
        }
        foreach (var membership in memberships)
        {
            var manages = membership.ManagedTeams.Any(t => t.TeamId == team.Id);
            var shouldManage = wanted.Contains(membership.Id);
            if (manages == shouldManage)
            {
                continue;
            }
            var teams = membership.ManagedTeams.Select(t => t.Team).Where(t => t.Id != team.Id).ToList();
            if (shouldManage)
            {
                teams.Add(team);
            }
            membership.ChangeRole(membership.Role, membership.Rep, teams);
        }
        return null;
    }

    private static async Task<Outcome<TeamDocument>> SaveAsync(
        SalesSpecDbContext db, string name, Func<Task<TeamDocument>> read, CancellationToken cancellationToken, string? stale = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<TeamDocument>(stale ?? $"Someone else changed the team {name} meanwhile. Reload and try again.");
        }
        catch (DbUpdateException)
        {
            // The unique index on (organisation, name) caught a team created or renamed at the same moment.
            return Outcome.Invalid<TeamDocument>($"There is already a team named '{name}'. Choose another name.");
        }
        return Outcome.Done(await read());
    }

    private static async Task<TeamDocument> DocumentAsync(SalesSpecDbContext db, int teamId, CancellationToken cancellationToken) =>
        (await DocumentsAsync(db, teamId, cancellationToken)).Single();

    private static async Task<List<TeamDocument>> DocumentsAsync(SalesSpecDbContext db, int? teamId, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => teamId == null || t.Id == teamId)
            .Select(t => new { t.Id, t.Name, t.IsArchived, t.Version, People = db.Reps.Count(r => r.TeamId == t.Id && r.IsActive) })
            .ToListAsync(cancellationToken);
        var managers = await db.Set<ManagedTeam>().AsNoTracking().Where(m => teamId == null || m.TeamId == teamId)
            .Join(db.Users, m => m.Membership.UserId, u => u.Id, (m, u) => new { m.TeamId, m.MembershipId, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return teams
            .Select(t => new TeamDocument(t.Id, t.Name, t.People,
                managers.Where(m => m.TeamId == t.Id).Select(m => new TeamManager(m.MembershipId, NameOf(m.DisplayName, m.Email)))
                    .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList(),
                t.IsArchived, t.Version))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? Taken(IEnumerable<Team> teams, string name, int? except) =>
        teams.FirstOrDefault(t => t.Id != except && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { } other
            ? other.IsArchived
                ? $"There is already an archived team named '{other.Name}'. Restore it, or choose another name."
                : $"There is already a team named '{other.Name}'. Choose another name."
            : null;

    private static string NameOf(string? displayName, string? email) => string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName;

    private static string Stale(string team, int current, int read) =>
        $"Someone else changed the team {team} meanwhile (version {current}, yours was {read}). Reload to see their change, then make yours again.";

    private static Outcome<TeamDocument>? Refusal(MemberAccess member) =>
        member.May(Permission.ManageTeams) ? null
        : member.IsArchived && Permissions.Allows(member.Role, Permission.ManageTeams)
            ? Outcome.Forbidden<TeamDocument>($"{member.OrganizationName} is archived: restore it before changing anything.")
            : Outcome.Forbidden<TeamDocument>($"Your role ({member.Role}) may not manage teams; ask an Admin.");
}

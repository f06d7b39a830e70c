using FluentValidation;
using SalesSpec.Web.Features.TeamHistory;

namespace SalesSpec.Web.Features.People.Services;

/// <summary>An Admin's people: a searchable, paged list, adding, editing and moving people. Nobody is deleted; deactivating keeps their history.</summary>
public sealed class PeopleService(OrganizationAccess access, IValidator<RepEdit> validator, IValidator<TeamMoveCheck> teamMoves, TimeProvider clock)
{
    public const int MaxMove = 1000;

    /// <summary>One page of people; empty when the member may not see the whole organisation.</summary>
    public async Task<RepPage> PageAsync(MemberAccess member, RepQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, RepQuery.MaxPageSize);
        if (!member.SeesWholeOrganization && !member.May(Permission.ManagePeople))
        {
            return new RepPage([], 0, page, pageSize);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var reps = db.Reps.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            // Translated to SQL lower(...) on both databases: no .NET culture applies, and PostgreSQL has no case-insensitive Contains.
#pragma warning disable CA1304, CA1311, CA1862
            reps = reps.Where(r => r.Name.ToLower().Contains(term) || r.Email.Contains(term)
                || (r.Team != null && r.Team.Name.ToLower().Contains(term)) || r.Role.Name.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await reps.CountAsync(cancellationToken);
        var sorted = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("email", false) => reps.OrderBy(r => r.Email),
            ("email", true) => reps.OrderByDescending(r => r.Email),
            ("team", false) => reps.OrderBy(r => r.Team!.Name),
            ("team", true) => reps.OrderByDescending(r => r.Team!.Name),
            ("role", false) => reps.OrderBy(r => r.Role.Name),
            ("role", true) => reps.OrderByDescending(r => r.Role.Name),
            // SQLite cannot order by a decimal column; as a double it orders the same.
            ("fte", false) => reps.OrderBy(r => (double)r.Fte),
            ("fte", true) => reps.OrderByDescending(r => (double)r.Fte),
            ("active", false) => reps.OrderBy(r => r.IsActive),
            ("active", true) => reps.OrderByDescending(r => r.IsActive),
            (_, true) => reps.OrderByDescending(r => r.Name),
            _ => reps.OrderBy(r => r.Name),
        };
        var items = await Documents(sorted.ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new RepPage(items, total, page, pageSize);
    }

    /// <summary>One person; null when there is no such person or the member may not see the whole organisation.</summary>
    public async Task<RepDocument?> GetAsync(MemberAccess member, int repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.SeesWholeOrganization && !member.May(Permission.ManagePeople))
        {
            return null;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await Documents(db.Reps.AsNoTracking().Where(r => r.Id == repId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Which team a person was in, week by week, oldest first; null when there is no such person or the member may not see the whole organisation.</summary>
    public async Task<IReadOnlyList<RepTeamSpan>?> TeamHistoryAsync(MemberAccess member, int repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.SeesWholeOrganization && !member.May(Permission.ManagePeople))
        {
            return null;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        if (!await db.Reps.AnyAsync(r => r.Id == repId, cancellationToken))
        {
            return null;
        }
        var spans = await db.RepTeamAssignments.AsNoTracking().Where(a => a.RepId == repId).OrderBy(a => a.FromWeek)
            .Select(a => new { a.TeamId, Team = a.Team == null ? null : a.Team.Name, a.FromWeek, a.ToWeek })
            .ToListAsync(cancellationToken);
        return spans.Select(a => RepTeamSpan.Of(a.TeamId, a.Team, a.FromWeek, a.ToWeek)).ToList();
    }

    /// <summary>The teams (archived ones marked) and roles people can be given.</summary>
    public async Task<PeopleOptions> OptionsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new PeopleOption(t.Id, t.Name, t.IsArchived)).ToListAsync(cancellationToken);
        var roles = await db.SalesRoles.AsNoTracking().Select(r => new PeopleOption(r.Id, r.Name, false)).ToListAsync(cancellationToken);
        return new PeopleOptions(
            teams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            roles.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<Outcome<RepDocument>> CreateAsync(MemberAccess member, RepEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(edit);
        if (await RefusedAsync(member, edit, cancellationToken) is { } refused)
        {
            return refused;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        // Loaded so that the role and team found below know their organisation, as the domain checks.
        if (await db.Organizations.SingleOrDefaultAsync(cancellationToken) is null)
        {
            return Outcome.NotFound<RepDocument>("This organisation does not exist any more.");
        }
        var (team, role, wrong) = await ReferencesAsync(db, edit, null, cancellationToken);
        if (wrong is not null)
        {
            return Outcome.Invalid<RepDocument>(wrong);
        }
        Rep rep;
        try
        {
            rep = Rep.Create(edit.Name, edit.Email, role!, team, edit.Fte);
            if (!edit.Active)
            {
                rep.Deactivate();
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<RepDocument>(e.Message);
        }
        db.Reps.Add(rep);
        return await SaveAsync(db, rep, edit, "", cancellationToken);
    }

    /// <summary>Changes a person's details, unless someone changed them since <see cref="RepEdit.Version"/>.</summary>
    public async Task<Outcome<RepDocument>> UpdateAsync(MemberAccess member, int repId, RepEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(edit);
        if (await RefusedAsync(member, edit, cancellationToken) is { } refused)
        {
            return refused;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rep = await db.Reps.Include(r => r.Organization).Include(r => r.Team).Include(r => r.Role).Include(r => r.TeamAssignments)
            .SingleOrDefaultAsync(r => r.Id == repId, cancellationToken);
        if (rep is null)
        {
            return Outcome.NotFound<RepDocument>($"There is no person {repId} in this organisation.");
        }
        if (rep.Version != edit.Version)
        {
            return Outcome.Conflict<RepDocument>(Stale(rep.Name, rep.Version, edit.Version));
        }
        var (team, role, wrong) = await ReferencesAsync(db, edit, rep.Id, cancellationToken);
        if (wrong is not null)
        {
            return Outcome.Invalid<RepDocument>(wrong);
        }
        try
        {
            var week = EffectiveWeek.Resolve(edit.TeamFrom, member.ThisWeek(clock));
            var locks = team?.Id == rep.TeamId ? [] : await TeamMoves.LocksReachingAsync(db, week, cancellationToken);
            if (await TeamMoves.MoveAsync(teamMoves, rep, team, week, locks, cancellationToken) is { Succeeded: false } refusedMove)
            {
                return refusedMove.As<RepDocument>();
            }
            rep.Rename(edit.Name);
            rep.ChangeEmail(edit.Email);
            rep.ChangeRole(role!);
            rep.SetFte(edit.Fte);
            if (edit.Active)
            {
                rep.Activate();
            }
            else
            {
                rep.Deactivate();
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<RepDocument>(e.Message);
        }
        // The database checks the version too, so a save racing this one cannot slip between the check and the write.
        db.Entry(rep).Property(r => r.Version).OriginalValue = edit.Version;
        return await SaveAsync(db, rep, edit, Stale(rep.Name, edit.Version + 1, edit.Version), cancellationToken);
    }

    /// <summary>Moves several people to a team and/or role in one go: all of them, or none when one is refused.</summary>
    public async Task<Outcome<int>> MoveAsync(MemberAccess member, RepMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(move);
        if (Refusal(member) is { } refused)
        {
            return refused.As<int>();
        }
        var ids = move.RepIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0 || ids.Count > MaxMove)
        {
            return Outcome.Invalid<int>($"Choose the people to move (1 to {MaxMove:N0}).");
        }
        if (move.TeamId is null && move.RoleId is null)
        {
            return Outcome.Invalid<int>("Choose the team or the role to move them to.");
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        if (!EffectiveWeek.IsValid(move.TeamFrom))
        {
            return Outcome.Invalid<int>(EffectiveWeek.Message(move.TeamFrom));
        }
        var week = EffectiveWeek.Resolve(move.TeamFrom, member.ThisWeek(clock));
        await db.Organizations.SingleOrDefaultAsync(cancellationToken);
        var reps = await db.Reps.Include(r => r.Team).Include(r => r.TeamAssignments).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var missing = ids.Except(reps.Select(r => r.Id)).ToList();
        if (missing.Count > 0)
        {
            return Outcome.NotFound<int>($"There is no person {string.Join(", ", missing)} in this organisation.");
        }
        var (team, role, wrong) = await TeamAndRoleAsync(db, move.TeamId, move.RoleId, cancellationToken, roleRequired: false);
        if (wrong is not null)
        {
            return Outcome.Invalid<int>(wrong);
        }
        var stale = reps.Where(r => move.Versions is not null && move.Versions.TryGetValue(r.Id, out var read) && read != r.Version).Select(r => r.Name).ToList();
        if (stale.Count > 0)
        {
            return Outcome.Conflict<int>($"Someone else changed {string.Join(", ", stale)} meanwhile, so nobody was moved. Reload and try again.");
        }
        var locks = team is null ? [] : await TeamMoves.LocksReachingAsync(db, week, cancellationToken);
        try
        {
            foreach (var rep in reps)
            {
                if (move.Versions?.TryGetValue(rep.Id, out var read) == true)
                {
                    db.Entry(rep).Property(r => r.Version).OriginalValue = read;
                }
                if (team is not null && await TeamMoves.MoveAsync(teamMoves, rep, team, week, locks, cancellationToken) is { Succeeded: false } refusedMove)
                {
                    return Outcome.Invalid<int>(refusedMove.Message + " Nobody was moved.");
                }
                if (role is not null)
                {
                    rep.ChangeRole(role);
                }
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<int>(e.Message);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<int>("Someone else changed one of these people meanwhile, so nobody was moved. Reload and try again.");
        }
        return Outcome.Done(reps.Count);
    }

    /// <summary>Why this member may not save this edit (their role, or the edit's own errors); null when they may.</summary>
    private async Task<Outcome<RepDocument>?> RefusedAsync(MemberAccess member, RepEdit edit, CancellationToken cancellationToken)
    {
        if (Refusal(member) is { } refused)
        {
            return refused.As<RepDocument>();
        }
        var check = await validator.CheckAsync(edit, cancellationToken);
        return check.Succeeded ? null : check.As<RepDocument>();
    }

    /// <summary>The edit's team and role in this organisation, or why not (one of them missing, or its email taken by someone other than <paramref name="repId"/>).</summary>
    private static async Task<(Team? Team, Role? Role, string? Error)> ReferencesAsync(SalesSpecDbContext db, RepEdit edit, int? repId, CancellationToken cancellationToken)
    {
        var found = await TeamAndRoleAsync(db, edit.TeamId, edit.RoleId, cancellationToken);
        return found.Error is null && await EmailTakenAsync(db, edit.Email, repId, cancellationToken) is { } taken ? (null, null, taken) : found;
    }

    private static async Task<(Team? Team, Role? Role, string? Error)> TeamAndRoleAsync(
        SalesSpecDbContext db, int? teamId, int? roleId, CancellationToken cancellationToken, bool roleRequired = true)
    {
        var team = teamId is int t ? await db.Teams.SingleOrDefaultAsync(x => x.Id == t, cancellationToken) : null;
        if (teamId is not null && team is null)
        {
            return (null, null, $"There is no team {teamId} in this organisation.");
        }
        var role = roleId is int r ? await db.SalesRoles.SingleOrDefaultAsync(x => x.Id == r, cancellationToken) : null;
        if ((roleId is not null || roleRequired) && role is null)
        {
            return (null, null, roleId is null ? "Choose a role." : $"There is no role {roleId} in this organisation.");
        }
        return (team, role, null);
    }

    private static async Task<string?> EmailTakenAsync(SalesSpecDbContext db, string email, int? except, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            return null;
        }
        var other = await db.Reps.Where(r => r.Email == normalized && r.Id != except).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return other is null ? null : $"{normalized} is already the email of {other}; each person has their own.";
    }

    private static async Task<Outcome<RepDocument>> SaveAsync(SalesSpecDbContext db, Rep rep, RepEdit edit, string stale, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<RepDocument>(stale);
        }
        catch (DbUpdateException)
        {
            // The unique index on (organisation, email) caught a person added or changed at the same moment.
            return Outcome.Invalid<RepDocument>($"{edit.Email.Trim()} is already someone else's email; each person has their own.");
        }
        return Outcome.Done(await Documents(db.Reps.AsNoTracking().Where(r => r.Id == rep.Id)).SingleAsync(cancellationToken));
    }

    private static IQueryable<RepDocument> Documents(IQueryable<Rep> reps) =>
        reps.Select(r => new RepDocument(r.Id, r.Name, r.Email, r.TeamId, r.Team == null ? null : r.Team.Name, r.RoleId, r.Role.Name, r.Fte, r.IsActive, r.Version));

    private static string Stale(string name, int current, int read) =>
        $"Someone else changed {name} meanwhile (version {current}, yours was {read}). Reload to see their change, then make yours again.";

    private static Outcome<object>? Refusal(MemberAccess member) =>
        member.May(Permission.ManagePeople) ? null
        : member.IsArchived && Permissions.Allows(member.Role, Permission.ManagePeople)
            ? Outcome.Forbidden<object>($"{member.OrganizationName} is archived: restore it before changing anything.")
            : Outcome.Forbidden<object>($"Your role ({member.Role}) may not change people; ask an Admin.");
}

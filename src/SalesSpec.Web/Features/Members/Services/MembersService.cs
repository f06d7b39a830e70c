using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Features.Members.Services;

/// <summary>An Admin's view of who belongs to the organisation, and invitations to join it.</summary>
public sealed class MembersService(
    OrganizationAccess access,
    IDbContextFactory<SalesSpecDbContext> contextFactory,
    FluentValidation.IValidator<InviteForm> validator,
    FluentValidation.IValidator<RoleAssignment> roleValidator,
    MailOutbox mail,
    TimeProvider clock)
{
    public const int InvitationDays = 14;

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(MemberAccess admin, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var rows = await db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                m.Id,
                m.UserId,
                Email = u.Email ?? "",
                u.DisplayName,
                m.Role,
                Rep = m.Rep == null ? null : m.Rep.Name,
                Teams = m.ManagedTeams.Select(t => t.Team.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MemberRow(r.Id, r.UserId, r.Email, r.DisplayName, r.Role, r.Rep, r.Teams))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<InvitationRow>> OpenInvitationsAsync(MemberAccess admin, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        var now = clock.GetUtcNow();
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var open = await db.Invitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken);
        var ids = open.Select(i => i.Id).ToList();
        // What became of each invitation's email (the latest, should there be more than one).
        var emails = (await db.OutboxEmails.AsNoTracking().Where(e => e.InvitationId != null && ids.Contains(e.InvitationId.Value))
                .Select(e => new { e.Id, InvitationId = e.InvitationId!.Value, e.Status, e.Attempts, e.SentAt, e.LastError })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.InvitationId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);
        return open.Where(i => i.ExpiresAt > now).OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt,
                emails.TryGetValue(i.Id, out var e) ? new InvitationEmail(e.Status, e.Attempts, e.SentAt, e.LastError) : null))
            .ToList();
    }

    /// <summary>Creates an invitation and returns the secret for its link (shown once), or why not.</summary>
    /// <summary>Creates an invitation: the secret for its link, or why not.</summary>
    public async Task<Outcome<string>> InviteAsync(MemberAccess admin, InviteForm form, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var added = await AddInvitationAsync(db, admin, form, cancellationToken);
        if (!added.Succeeded)
        {
            return added.As<string>();
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(added.Value.Secret);
    }

    /// <summary>Checks an invitation and adds it to the context, unsaved: the invitation and the secret for its link, or why not.</summary>
    private async Task<Outcome<(Invitation Invitation, string Secret)>> AddInvitationAsync(
        SalesSpecDbContext db, MemberAccess admin, InviteForm form, CancellationToken cancellationToken)
    {
        var check = await validator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<(Invitation, string)>();
        }
        var email = form.Email.Trim().ToLowerInvariant();
        // Identity keeps an upper-cased copy of every email for exactly this kind of lookup.
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail)
            .AnyAsync(e => e == normalized, cancellationToken);
        if (alreadyMember)
        {
            return Outcome.Invalid<(Invitation, string)>($"{email} is already a member.");
        }
        if (form.RepId is int repId && !await db.Reps.AnyAsync(r => r.Id == repId, cancellationToken))
        {
            return Outcome.Invalid<(Invitation, string)>("That rep is not in this organisation.");
        }
        var teamIds = form.Role == MemberRole.Manager ? form.TeamIds.Distinct().ToList() : [];
        if (await db.Teams.CountAsync(t => teamIds.Contains(t.Id), cancellationToken) != teamIds.Count)
        {
            return Outcome.Invalid<(Invitation, string)>("A chosen team is not in this organisation.");
        }
        var secret = Secrets.New();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            OrganizationId = admin.OrganizationId,
            Email = email,
            Role = form.Role,
            RepId = form.Role == MemberRole.Rep ? form.RepId : null,
            ManagedTeamIds = string.Join(",", teamIds.Select(t => t.ToString(CultureInfo.InvariantCulture))),
            TokenHash = Secrets.Hash(secret),
            InvitedByUserId = admin.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(InvitationDays),
        };
        db.Invitations.Add(invitation);
        return Outcome.Done((invitation, secret));
    }

    /// <summary>The organisation's active people who have no login and no open invitation: those a bulk invite reaches.</summary>
    public async Task<IReadOnlyList<InvitableRep>> InvitableRepsAsync(MemberAccess admin, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        var now = clock.GetUtcNow();
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var linked = await db.Memberships.Where(m => m.RepId != null).Select(m => m.RepId!.Value).ToListAsync(cancellationToken);
        var taken = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email ?? "").ToListAsync(cancellationToken);
        // SQLite cannot compare offsets in SQL: expiry is checked here, on the few open invitations.
        taken.AddRange((await db.Invitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
            .Where(i => i.ExpiresAt > now).Select(i => i.Email));
        var takenEmails = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var linkedReps = linked.ToHashSet();
        var reps = await db.Reps.Where(r => r.IsActive).OrderBy(r => r.Name)
            .Select(r => new InvitableRep(r.Id, r.Name, r.Email, r.Team == null ? null : r.Team.Name))
            .ToListAsync(cancellationToken);
        return reps.Where(r => !linkedReps.Contains(r.Id) && !takenEmails.Contains(r.Email)).ToList();
    }

    /// <summary>
    /// Invites each chosen person as a Rep linked to themselves: one link each, to copy (shown once) and, when SMTP is
    /// configured, emailed to them. The invitations and their emails are saved together, all or none; the emails are
    /// sent afterwards, in the background (<see cref="MailOutboxService"/>), and the open invitations show what became
    /// of each. People who meanwhile got a login or an invitation are skipped.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<BulkInvitation>>> BulkInviteAsync(
        MemberAccess admin, IReadOnlyCollection<int> repIds, Func<string, string> linkOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        ArgumentNullException.ThrowIfNull(linkOf);
        if (!admin.May(Permission.ManageMembers))
        {
            return Outcome.Forbidden<IReadOnlyList<BulkInvitation>>("Only an Admin invites people.");
        }
        var chosen = (await InvitableRepsAsync(admin, cancellationToken)).Where(r => repIds.Contains(r.Id)).ToList();
        if (chosen.Count == 0)
        {
            return Outcome.Invalid<IReadOnlyList<BulkInvitation>>("Choose people who have no login and no open invitation yet.");
        }
        var emails = mail.Sends;
        var created = new List<BulkInvitation>();
        await using var db = await access.OpenAsync(admin, cancellationToken);
        foreach (var rep in chosen)
        {
            var added = await AddInvitationAsync(db, admin, new InviteForm { Email = rep.Email, Role = MemberRole.Rep, RepId = rep.Id }, cancellationToken);
            if (!added.Succeeded)
            {
                return Outcome.Invalid<IReadOnlyList<BulkInvitation>>($"{rep.Name}: {added.Message}");
            }
            var (invitation, secret) = added.Value;
            var link = linkOf(secret);
            if (emails)
            {
                mail.Add(db, admin.OrganizationId, OutboxEmailKind.Invitation, new OutgoingEmail(rep.Email, $"Join {admin.OrganizationName} on SalesSpec",
                    $"Hello {rep.Name},\n\nyou are invited to log your weekly time for {admin.OrganizationName} in SalesSpec. " +
                    $"Open this link within {InvitationDays} days to set your password:\n\n{link}\n")).Invitation = invitation;
            }
            created.Add(new BulkInvitation(rep.Name, rep.Email, link, emails));
        }
        // One save, one transaction: every invitation with its queued email, or nothing.
        await db.SaveChangesAsync(cancellationToken);
        if (emails)
        {
            mail.Signal();
        }
        return Outcome.Done<IReadOnlyList<BulkInvitation>>(created);
    }

    /// <summary>Changes a member's role in place: the rep they are for Reps, the teams they manage for Managers.</summary>
    public async Task<Outcome<bool>> ChangeRoleAsync(MemberAccess admin, int membershipId, RoleAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!admin.May(Permission.ManageMembers))
        {
            return Outcome.Forbidden<bool>("Only an Admin changes members' roles.");
        }
        var check = await roleValidator.CheckAsync(assignment, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<bool>();
        }
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var membership = await db.Memberships.Include(m => m.ManagedTeams).SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return Outcome.NotFound<bool>("That member is not in this organisation any more.");
        }
        if (membership.Role == MemberRole.Admin && assignment.Role != MemberRole.Admin
            && await db.Memberships.CountAsync(m => m.Role == MemberRole.Admin, cancellationToken) == 1)
        {
            return Outcome.Invalid<bool>("The organisation needs at least one Admin: make someone else Admin first.");
        }
        var rep = assignment.Role == MemberRole.Rep && assignment.RepId is int repId
            ? await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken)
            : null;
        if (assignment.Role == MemberRole.Rep && rep is null)
        {
            return Outcome.Invalid<bool>("That rep is not in this organisation.");
        }
        var teamIds = assignment.Role == MemberRole.Manager ? assignment.TeamIds.Distinct().ToList() : [];
        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToListAsync(cancellationToken);
        if (teams.Count != teamIds.Count)
        {
            return Outcome.Invalid<bool>("A chosen team is not in this organisation.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (membership.ManagedTeams.Count > 0 && teams.Count > 0)
        {
            // A manager keeping some of their teams: the old team rows go first, or the new ones would clash with them.
            membership.ChangeRole(MemberRole.Manager);
            await db.SaveChangesAsync(cancellationToken);
        }
        membership.ChangeRole(assignment.Role, rep, teams);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(true);
    }

    public async Task RevokeInvitationAsync(MemberAccess admin, int invitationId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is not null && invitation.AcceptedAt is null)
        {
            invitation.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Removes a member (not oneself: an organisation keeps at least the Admin removing others).</summary>
    public async Task<string?> RemoveAsync(MemberAccess admin, int membershipId, CancellationToken cancellationToken = default)
    {
        RequireAdmin(admin);
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return "No such member.";
        }
        if (membership.UserId == admin.UserId)
        {
            return "You cannot remove yourself.";
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The open invitation behind a link's secret, looked up across organisations (the secret is the proof).</summary>
    public async Task<(Invitation Invitation, string OrganizationName)?> FindInvitationAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Invitations.AcrossOrganizations()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null)
            .Join(db.Organizations.AcrossOrganizations(), i => i.OrganizationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || found.Invitation.ExpiresAt <= now ? null : (found.Invitation, found.Name);
    }

    /// <summary>Accepts an invitation for a user whose email matches it: the membership is created, the invitation used up.</summary>
    public async Task<int?> AcceptAsync(string secret, ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var found = await FindInvitationAsync(secret, cancellationToken);
        if (found is not { } open || !string.Equals(open.Invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var invitation = open.Invitation;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ScopeTo(invitation.OrganizationId).ActingAs(user.Id);
        var organization = await db.Organizations.Include(o => o.Teams).SingleAsync(cancellationToken);
        var rep = invitation.RepId is int repId ? await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken) : null;
        var teamIds = invitation.ManagedTeamIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToHashSet();
        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(Membership.Create(user.Id, organization, invitation.Role, rep, organization.Teams.Where(t => teamIds.Contains(t.Id))));
        }
        db.Attach(invitation);
        invitation.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return invitation.OrganizationId;
    }

    private static void RequireAdmin(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.ManageMembers))
        {
            throw new UnauthorizedAccessException("Only an Admin manages the members of an organisation.");
        }
    }
}

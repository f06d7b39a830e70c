using FluentValidation;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>Creating a client organisation, changing its name and settings, archiving and deleting it.</summary>
public sealed class OrganizationAdminService(
    OrganizationAccess access,
    IDbContextFactory<SalesSpecDbContext> contextFactory,
    IValidator<OrganizationForm> validator,
    TimeProvider clock)
{
    public const string NotAllowedToCreate = "Only Admins and Consultants create client organisations.";

    /// <summary>Whether the user may create organisations: they are an Admin or Consultant somewhere.</summary>
    public async Task<bool> MayCreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await access.MembershipsAsync(user, cancellationToken)).Any(m => m.May(Permission.CreateOrganizations));

    /// <summary>A new organisation with its template's roles and catalogue; the user becomes its Admin.</summary>
    public async Task<Outcome<int>> CreateAsync(ClaimsPrincipal user, OrganizationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (OrganizationAccess.UserId(user) is not { } userId || !await MayCreateAsync(user, cancellationToken))
        {
            return Outcome.Forbidden<int>(NotAllowedToCreate);
        }
        var check = await validator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<int>();
        }
        var name = form.Name.Trim();
        var mine = await access.MembershipsAsync(user, cancellationToken);
        if (mine.Any(m => string.Equals(m.OrganizationName, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Outcome.Invalid<int>($"You already have an organisation named '{name}'; choose another name.");
        }

        var organization = Organization.Create(name, form.Template);
        Apply(organization, form);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        // Now that it has an id, the rest is the new organisation's own, audited history.
        db.ScopeTo(organization.Id).ActingAs(userId);
        db.Memberships.Add(Membership.Create(userId, organization, MemberRole.Admin));
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = organization.Id,
            UserId = userId,
            At = clock.GetUtcNow(),
            Action = "Created",
            EntityType = nameof(Organization),
            EntityId = organization.Id.ToString(CultureInfo.InvariantCulture),
            Summary = $"created the organisation {organization.Name}: {Labels.Of(organization.Template)} template, 80/20 line at " +
                      $"{organization.Threshold * 100m:0.##} %, {organization.StandardWeeklyHours:0.##} h standard week, {organization.TimeZone}, {organization.Currency}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(organization.Id);
    }

    /// <summary>The organisation's name and settings with their version; null when the member may not change them.</summary>
    public async Task<OrganizationForm?> SettingsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.SeesWholeOrganization)
        {
            return null;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return organization is null ? null : OrganizationForm.From(organization);
    }

    /// <summary>Renames the organisation and changes its settings, unless someone else changed them since <see cref="OrganizationForm.Version"/>.</summary>
    public async Task<Outcome<OrganizationForm>> SaveSettingsAsync(MemberAccess member, OrganizationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (Refusal(member) is { } refused)
        {
            return refused.As<OrganizationForm>();
        }
        var check = await validator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<OrganizationForm>();
        }
        return await ChangeAsync(member, form.Version, organization =>
        {
            if (form.Template != organization.Template)
            {
                throw new DomainRuleException(
                    $"The template is chosen when an organisation is created; {organization.Name} keeps {Labels.Of(organization.Template)}. Adapt its roles instead.");
            }
            organization.Rename(form.Name);
            Apply(organization, form);
        }, cancellationToken);
    }

    /// <summary>Archives (read-only, hidden from pickers) or restores the organisation.</summary>
    public async Task<Outcome<OrganizationForm>> SetArchivedAsync(MemberAccess member, bool archived, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.ManageOrganization))
        {
            return Outcome.Forbidden<OrganizationForm>("Only an Admin archives or restores an organisation.");
        }
        return await ChangeAsync(member, version, organization =>
        {
            if (archived)
            {
                organization.Archive();
            }
            else
            {
                organization.Restore();
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes the organisation and everything it holds, once its name is typed exactly. The deletion is kept in the
    /// system-wide audit log, since the organisation's own log goes with it.
    /// </summary>
    public async Task<Outcome<DeletedOrganization>> DeleteAsync(MemberAccess member, string? typedName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.DeleteOrganization))
        {
            return Outcome.Forbidden<DeletedOrganization>("Only an Admin deletes an organisation.");
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<DeletedOrganization>("The organisation is gone already.");
        }
        if (!string.Equals(typedName?.Trim(), organization.Name, StringComparison.Ordinal))
        {
            return Outcome.Invalid<DeletedOrganization>($"Type the organisation's name exactly ({organization.Name}) to delete it.");
        }
        var deleted = new DeletedOrganization(
            organization.Id,
            organization.Name,
            await db.Reps.CountAsync(cancellationToken),
            await db.TimeLogs.CountAsync(cancellationToken),
            await db.Memberships.CountAsync(cancellationToken));
        var email = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "";

        // Ten thousand reps over two years is millions of time-log rows: one statement per table, no timeout.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Every set below is behind the organisation's query filter, so each statement deletes only its rows.
        await db.OutboxEmails.ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.ExecuteDeleteAsync(cancellationToken);
        await db.TimeLogs.ExecuteDeleteAsync(cancellationToken);
        await db.RepWeekSummaries.ExecuteDeleteAsync(cancellationToken);
        await db.DataVersions.ExecuteDeleteAsync(cancellationToken);
        await db.Timesheets.ExecuteDeleteAsync(cancellationToken);
        await db.Set<ManagedTeam>().ExecuteDeleteAsync(cancellationToken);
        await db.Memberships.ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.ExecuteDeleteAsync(cancellationToken);
        await db.LockPeriods.ExecuteDeleteAsync(cancellationToken);
        await db.MonthlyLeadCounts.ExecuteDeleteAsync(cancellationToken);
        await db.CrmRuleSets.ExecuteDeleteAsync(cancellationToken);
        await db.Scenarios.ExecuteDeleteAsync(cancellationToken);
        await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
        await db.RepTeamAssignments.ExecuteDeleteAsync(cancellationToken);
        await db.Reps.ExecuteDeleteAsync(cancellationToken);
        await db.Activities.ExecuteDeleteAsync(cancellationToken);
        await db.SalesRoles.ExecuteDeleteAsync(cancellationToken);
        await db.Teams.ExecuteDeleteAsync(cancellationToken);
        await db.Organizations.ExecuteDeleteAsync(cancellationToken);
        db.SystemAuditEntries.Add(new SystemAuditEntry
        {
            UserId = member.UserId,
            UserEmail = email,
            At = clock.GetUtcNow(),
            Action = "DeletedOrganization",
            OrganizationId = deleted.Id,
            OrganizationName = deleted.Name,
            Summary = $"{email} deleted {deleted.Name} with {deleted.Reps:N0} people, {deleted.TimeLogRows:N0} time-log rows and {deleted.Members:N0} members",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(deleted);
    }

    private async Task<Outcome<OrganizationForm>> ChangeAsync(
        MemberAccess member, int version, Action<Organization> change, CancellationToken cancellationToken)
    {
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<OrganizationForm>("This organisation does not exist any more.");
        }
        if (organization.Version != version)
        {
            return Outcome.Conflict<OrganizationForm>(Stale(organization.Version, version));
        }
        try
        {
            change(organization);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<OrganizationForm>(e.Message);
        }
        // The database checks the version too, so a save racing this one cannot slip between the check and the write.
        db.Entry(organization).Property(o => o.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<OrganizationForm>(Stale(version + 1, version));
        }
        return Outcome.Done(OrganizationForm.From(organization));
    }

    private static string Stale(int current, int read) =>
        $"Someone else changed the organisation's settings meanwhile (version {current}, yours was {read}). Reload to see their change, then make yours again.";

    private static Outcome<object>? Refusal(MemberAccess member) =>
        !member.May(Permission.ManageOrganization) ? Outcome.Forbidden<object>("Only an Admin changes the organisation's settings.")
        : member.IsArchived ? Outcome.Forbidden<object>($"{member.OrganizationName} is archived: restore it before changing anything.")
        : null;

    private static void Apply(Organization organization, OrganizationForm form)
    {
        organization.ChangeSettings(form.Threshold, form.StandardWeeklyHours, form.InboundLeadsPerMonth, form.HasSimpleSalesProcess, form.SucceedsWithGeneralists);
        organization.ChangeLocale(form.TimeZone.Trim(), form.Currency.Trim());
        organization.ShowReferenceFigures(form.ShowsReferenceFigures);
    }
}

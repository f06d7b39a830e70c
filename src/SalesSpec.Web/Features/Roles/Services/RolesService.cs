using FluentValidation;

namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>
/// The organisation's roles: its template's and custom ones, each with a core workload, an annual loaded cost
/// and a ramp (the inputs of every scenario's cost and capacity over time). Admins change them.
/// </summary>
public sealed class RolesService(OrganizationAccess access, IValidator<RoleSetting> settingValidator, IValidator<NewRole> newValidator)
{
    public const string NotAllowed = "Only an Admin changes roles, their costs and ramps.";

    public const string NotAllowedToRead = "Roles are for those who see the whole organisation.";

    public async Task<Outcome<RolesView>> ListAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.ManageRoles) && !member.SeesWholeOrganization)
        {
            return Outcome.Forbidden<RolesView>(NotAllowedToRead);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Select(o => new { o.Currency, o.Template }).SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<RolesView>("This organisation does not exist any more.");
        }
        var templateRoles = Templates.DefaultRoles(organization.Template).Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roles = await db.SalesRoles.AsNoTracking()
            .Select(r => new { r.Id, r.Name, r.CoreWorkload, r.IsAnalysed, r.AnnualLoadedCost, r.RampMonths })
            .ToListAsync(cancellationToken);
        var settings = roles
            .OrderBy(r => r.CoreWorkload).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new RoleSetting
            {
                Id = r.Id,
                Name = r.Name,
                CoreWorkload = r.CoreWorkload,
                IsAnalysed = r.IsAnalysed,
                AnnualLoadedCost = r.AnnualLoadedCost,
                RampMonths = r.RampMonths,
                ReadCost = r.AnnualLoadedCost,
                ReadRamp = r.RampMonths,
                IsCustom = !templateRoles.Contains(r.Name),
            })
            .ToList();
        return Outcome.Done(new RolesView(organization.Currency, organization.Template, Templates.WorkloadsOf(organization.Template), settings,
            member.May(Permission.ManageRoles)));
    }

    /// <summary>A custom role; its core workload must be one of the template's.</summary>
    public async Task<Outcome<RoleSetting>> AddAsync(MemberAccess member, NewRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(role);
        if (Refusal(member) is { } refused)
        {
            return refused.As<RoleSetting>();
        }
        var check = await newValidator.CheckAsync(role, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<RoleSetting>();
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Roles).SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<RoleSetting>("This organisation does not exist any more.");
        }
        if (!Templates.Allows(organization.Template, role.CoreWorkload))
        {
            return Outcome.Invalid<RoleSetting>(
                $"{Labels.Of(role.CoreWorkload)} is not a workload of the {Labels.Of(organization.Template).ToLowerInvariant()} template; " +
                $"choose {string.Join(", ", Templates.WorkloadsOf(organization.Template).Select(w => Labels.Of(w).ToLowerInvariant()))}.");
        }
        Role added;
        try
        {
            added = organization.AddRole(role.Name, role.CoreWorkload, role.IsAnalysed, role.AnnualLoadedCost, role.RampMonths);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<RoleSetting>(e.Message);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Invalid<RoleSetting>($"There is already a role named '{added.Name}'.");
        }
        return Outcome.Done(new RoleSetting
        {
            Id = added.Id,
            Name = added.Name,
            CoreWorkload = added.CoreWorkload,
            IsAnalysed = added.IsAnalysed,
            AnnualLoadedCost = added.AnnualLoadedCost,
            RampMonths = added.RampMonths,
            ReadCost = added.AnnualLoadedCost,
            ReadRamp = added.RampMonths,
            IsCustom = true,
        });
    }

    /// <summary>Saves the changed costs and ramps; a role someone else changed since it was read is reported, and nothing is saved.</summary>
    public async Task<Outcome<int>> SaveAsync(MemberAccess member, IReadOnlyList<RoleSetting> settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(settings);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        var changed = settings.Where(s => s.Changed).ToList();
        var errors = await settingValidator.ErrorsAsync(changed, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }
        if (changed.Count == 0)
        {
            return Outcome.Done(0);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var ids = changed.Select(s => s.Id).ToList();
        var roles = await db.SalesRoles.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        if (changed.FirstOrDefault(s => !roles.ContainsKey(s.Id)) is { } gone)
        {
            return Outcome.NotFound<int>($"{gone.Name} no longer exists.");
        }
        foreach (var setting in changed)
        {
            var role = roles[setting.Id];
            role.SetAnnualLoadedCost(setting.AnnualLoadedCost);
            role.SetRampMonths(setting.RampMonths);
            // The update must still find the values the user read (cost and ramp are concurrency tokens), so a
            // change made since they opened the roles, even one landing while this save runs, is never overwritten.
            var entry = db.Entry(role);
            entry.Property(r => r.AnnualLoadedCost).OriginalValue = setting.ReadCost;
            entry.Property(r => r.RampMonths).OriginalValue = setting.ReadRamp;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(changed.Count);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing was written (the save is one transaction); name every role that moved on, not just the first.
            var current = await db.SalesRoles.AsNoTracking().Where(r => ids.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => (r.AnnualLoadedCost, r.RampMonths), cancellationToken);
            var stale = changed
                .Where(s => !current.TryGetValue(s.Id, out var now) || now != (s.ReadCost, s.ReadRamp))
                .Select(s => $"Someone else changed {s.Name} since you opened the roles; reload to see their values.")
                .ToList();
            // Changed and changed back in the meantime: still not saved, so never report success.
            return new Outcome<int>(OutcomeKind.Conflict, 0,
                stale.Count > 0 ? stale : ["Someone else changed the roles while you saved; reload and try again."]);
        }
    }

    /// <summary>One role's cost or ramp, unless it changed since the version read.</summary>
    public async Task<Outcome<RoleSetting>> PatchAsync(MemberAccess member, int roleId, RolePatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(patch);
        if (Refusal(member) is { } refused)
        {
            return refused.As<RoleSetting>();
        }
        if (!RoleVersion.TryParse(patch.Version, out var readCost, out var readRamp))
        {
            return Outcome.Invalid<RoleSetting>("Send the version you read (GET the roles first), such as \"150000:5\".");
        }
        var list = await ListAsync(member, cancellationToken);
        if (list.Value?.Roles.SingleOrDefault(r => r.Id == roleId) is not { } current)
        {
            return Outcome.NotFound<RoleSetting>($"There is no role {roleId} in this organisation.");
        }
        var setting = new RoleSetting
        {
            Id = current.Id,
            Name = current.Name,
            CoreWorkload = current.CoreWorkload,
            IsAnalysed = current.IsAnalysed,
            IsCustom = current.IsCustom,
            AnnualLoadedCost = patch.ClearAnnualLoadedCost ? null : patch.AnnualLoadedCost ?? readCost,
            RampMonths = patch.RampMonths ?? readRamp,
            ReadCost = readCost,
            ReadRamp = readRamp,
        };
        // Nothing to change still has to be current: a stale version is a conflict either way.
        if (!setting.Changed && (current.ReadCost, current.ReadRamp) != (readCost, readRamp))
        {
            return Outcome.Conflict<RoleSetting>($"Someone else changed {current.Name} since you read it; reload to see their values.");
        }
        var saved = await SaveAsync(member, [setting], cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.As<RoleSetting>();
        }
        return Outcome.Done((await ListAsync(member, cancellationToken)).Value!.Roles.Single(r => r.Id == roleId));
    }

    private static Outcome<int>? Refusal(MemberAccess member) =>
        member.May(Permission.ManageRoles) ? null
        : member.IsArchived && Permissions.Allows(member.Role, Permission.ManageRoles)
            ? Outcome.Forbidden<int>($"{member.OrganizationName} is archived: restore it before changing anything.")
            : Outcome.Forbidden<int>(NotAllowed);
}

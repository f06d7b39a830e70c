using FluentValidation;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Data;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>
/// The organisation's classification rules and standard durations for CRM imports. Until someone saves
/// them, an organisation uses the default rules; saving replaces the list as a whole, and a list someone
/// else saved in the meantime is reported, not overwritten.
/// </summary>
public sealed class CrmRuleService(OrganizationAccess access, IValidator<CrmRulesForm> validator, TimeProvider clock)
{
    public async Task<CrmRulesForm> GetAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var activities = await ActivitiesAsync(db, cancellationToken);
        var saved = await db.CrmRuleSets.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return saved is null
            ? Defaults(activities, 0)
            : CrmRulesForm.From(saved.Rules, saved.StandardMinutes, saved.Version, activities);
    }

    /// <summary>The roles a rep new to the organisation can join as.</summary>
    public async Task<IReadOnlyList<string>> RolesAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await db.SalesRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(cancellationToken);
    }

    /// <summary>What consultants said about CRM owners in this organisation's earlier imports.</summary>
    public async Task<CrmImportChoices> RememberedAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var saved = await db.CrmOwnerChoices.AsNoTracking().ToListAsync(cancellationToken);
        var layouts = await db.CrmSavedLayouts.AsNoTracking().ToListAsync(cancellationToken);
        return new CrmImportChoices
        {
            SavedLayouts = layouts.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Name, StringComparer.Ordinal).Select(l => l.ToLayout()).ToList(),
            OwnerMap = saved.Where(c => c.Email is not null)
                .ToDictionary(c => c.Owner, c => new CrmOwner(c.Email!, c.Owner), StringComparer.OrdinalIgnoreCase),
            UserOverrides = saved.Where(c => c.IsPerson is not null)
                .ToDictionary(c => c.Owner, c => c.IsPerson!.Value, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// Keeps what was said about owners, and the layout of columns, in an import that went through, for the next ones
    /// (the latest word wins; a layout saved again under its name replaces its columns).
    /// </summary>
    public async Task RememberAsync(MemberAccess member, CrmImportChoices choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(choices);
        var owners = choices.OwnerMap.Keys.Concat(choices.UserOverrides.Keys)
            .Where(o => o.Trim().Length is > 0 and <= CrmOwnerChoice.MaxOwnerLength)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (owners.Count == 0 && choices.Layout is null)
        {
            return;
        }
        // Two imports saying the same new thing at once: the second finds the first's row on its retry and updates it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveChoicesAsync(member, choices, owners, cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (attempt == 1 && DbErrors.IsUniqueViolation(exception))
            {
            }
        }
    }

    private async Task SaveChoicesAsync(MemberAccess member, CrmImportChoices choices, List<string> owners, CancellationToken cancellationToken)
    {
        await using var db = await access.OpenAsync(member, cancellationToken);
        if (choices.Layout is { } layout)
        {
            // Names compare without case, as layout= finds them: "Acme" saved again as "acme" is the same layout.
            var name = layout.Name.Trim();
            var row = (await db.CrmSavedLayouts.ToListAsync(cancellationToken)).FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                row = new CrmSavedLayout { OrganizationId = member.OrganizationId, Name = name };
                db.CrmSavedLayouts.Add(row);
            }
            row.Take(layout);
            row.UpdatedAt = clock.GetUtcNow();
        }
        var saved = (await db.CrmOwnerChoices.ToListAsync(cancellationToken)).ToDictionary(c => c.Owner, StringComparer.OrdinalIgnoreCase);
        foreach (var owner in owners)
        {
            if (!saved.TryGetValue(owner, out var choice))
            {
                choice = new CrmOwnerChoice { OrganizationId = member.OrganizationId, Owner = owner.Trim() };
                db.CrmOwnerChoices.Add(choice);
            }
            if (choices.OwnerMap.TryGetValue(owner, out var rep))
            {
                choice.Email = rep.Email;
            }
            if (choices.UserOverrides.TryGetValue(owner, out var person))
            {
                choice.IsPerson = person;
            }
            choice.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organisation's saved layouts of columns, by name.</summary>
    public async Task<IReadOnlyList<CrmLayout>> LayoutsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var layouts = await db.CrmSavedLayouts.AsNoTracking().ToListAsync(cancellationToken);
        return layouts.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Select(l => l.ToLayout()).ToList();
    }

    /// <summary>The organisation's reps, email → name, for mapping a CRM owner to one of them.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> RepsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var reps = await db.Reps.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Email, r.Name }).ToListAsync(cancellationToken);
        return reps.ConvertAll(r => KeyValuePair.Create(r.Email, r.Name));
    }

    /// <summary>The default rules over this organisation's activities, for "Reset to defaults" (not saved).</summary>
    public async Task<CrmRulesForm> DefaultsAsync(MemberAccess member, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        return Defaults(await ActivitiesAsync(db, cancellationToken), version);
    }

    private static CrmRulesForm Defaults(IReadOnlyList<string> activities, int version) =>
        CrmRulesForm.From(CrmRuleSet.DefaultRulesFor(activities), CrmRuleSet.DefaultStandardMinutes, version, activities);

    private static async Task<List<string>> ActivitiesAsync(Data.SalesSpecDbContext db, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking().OrderBy(a => a.Function).ThenBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);

    public async Task<CrmRulesSaveResult> SaveAsync(MemberAccess member, CrmRulesForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (!member.MayImport)
        {
            return new CrmRulesSaveResult(false, form.Version, ["Only Admins, Leaders and Consultants change the classification rules."]);
        }
        var check = await validator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return new CrmRulesSaveResult(false, form.Version, check.Errors.ToList());
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var saved = await db.CrmRuleSets.SingleOrDefaultAsync(cancellationToken);
        if ((saved?.Version ?? 0) != form.Version)
        {
            return Conflict(form);
        }
        if (saved is null)
        {
            var organization = await db.Organizations.SingleAsync(cancellationToken);
            saved = CrmRuleSet.Create(organization, form.ToRules(), form.ToMinutes());
            db.CrmRuleSets.Add(saved);
        }
        else
        {
            saved.Replace(form.ToRules(), form.ToMinutes());
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The version moved (or the first save raced another first save, caught by the unique index).
            return Conflict(form);
        }
        return new CrmRulesSaveResult(true, saved.Version, []);
    }

    private static CrmRulesSaveResult Conflict(CrmRulesForm form) =>
        new(false, form.Version, ["Someone else saved the rules since you opened them; reload to see theirs, then make your change again."], Conflict: true);
}

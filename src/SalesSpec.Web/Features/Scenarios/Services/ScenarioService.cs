using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Analysis;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>
/// Saved scenarios of an organisation (docs/scenarios.md). A scenario keeps only its decisions; its
/// numbers come from the analysis of its period (hours summed in the database, as for the dashboard)
/// and the scenario maths, run in memory on every move of the board.
/// </summary>
public sealed class ScenarioService(
    OrganizationAccess access,
    AnalysisService analysis,
    IValidator<NewScenarioForm> newValidator,
    IValidator<ScenarioDraft> draftValidator,
    TimeProvider clock)
{
    public const string NotAllowed = "Scenarios are planned by Admins, Leaders and Consultants.";

    private const string ConflictMessage = "Someone else saved this scenario since you opened it; reload to see their version, then make your change again.";

    /// <summary>Whether the member (null: not a member) plans the organisation's scenarios; if not, what to tell them.</summary>
    public static bool MayPlan([NotNullWhen(true)] MemberAccess? member, [NotNullWhen(false)] out string? refusal)
    {
        refusal = member is null ? OrganizationPage.NoAccessMessage : member.MayPlanScenarios ? null : NotAllowed;
        return refusal is null;
    }

    public async Task<IReadOnlyList<ScenarioSummary>> ListAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayPlanScenarios)
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var scenarios = await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset, and an organisation has a handful of scenarios.
        return scenarios.OrderByDescending(s => s.UpdatedAt).Select(s => new ScenarioSummary(s.Id, s.Name, s.From, s.To, s.Focus,
            s.Roles.Count, s.Hires.Sum(h => h.Count), s.UpdatedAt, s.Version)).ToList();
    }

    /// <summary>A new scenario over the period; returns its id, or the reasons it was not created.</summary>
    public async Task<Outcome<int>> CreateAsync(MemberAccess member, NewScenarioForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (!member.MayPlanScenarios)
        {
            return Outcome.Forbidden<int>(NotAllowed);
        }
        var check = await newValidator.CheckAsync(form, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<int>();
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var (from, to) = (IsoWeek.Parse(form.From), IsoWeek.Parse(form.To));
        if (await NoHoursReasonAsync(db, from, to, cancellationToken) is { } noHours)
        {
            // A period without hours compares as "0 people, every gap closed": refused, with where the hours are.
            return Outcome.Invalid<int>(noHours);
        }
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Scenario scenario;
        try
        {
            scenario = Scenario.Create(organization, form.Name, from, to, NextMonth(now), form.Focus, now);
        }
        catch (DomainRuleException exception)
        {
            // A focus workload the organisation's template does not have (the form offers only its own).
            return Outcome.Invalid<int>(exception.Message);
        }
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(scenario.Id);
    }

    /// <summary>
    /// Why a period cannot carry a scenario: no hours of the reps the analysis counts (active, in an analysed role) in
    /// any of its weeks. Null when it has hours. Asked of the weekly summary, so it is one indexed query.
    /// </summary>
    private static async Task<string?> NoHoursReasonAsync(SalesSpecDbContext db, IsoWeek from, IsoWeek to, CancellationToken cancellationToken)
    {
        var logged = db.RepWeekSummaries.AsNoTracking()
            .Where(s => s.InboundQualificationE4 + s.OutboundProspectingE4 + s.ClosingE4 + s.PostSalesE4 + s.NonSellingE4 > 0
                && db.Reps.Any(r => r.Id == s.RepId && r.IsActive && r.Role.IsAnalysed));
        var (fromMonday, toMonday) = (from.Monday, to.Monday);
        if (await logged.AnyAsync(s => s.WeekStart >= fromMonday && s.WeekStart <= toMonday, cancellationToken))
        {
            return null;
        }
        var first = await logged.MinAsync(s => (DateOnly?)s.WeekStart, cancellationToken);
        var last = await logged.MaxAsync(s => (DateOnly?)s.WeekStart, cancellationToken);
        return first is { } start && last is { } end
            ? $"There are no hours logged between {from} and {to}; pick a period with data (hours run from {IsoWeek.FromMonday(start)} to {IsoWeek.FromMonday(end)})."
            : $"There are no hours logged between {from} and {to}, nor in any other week yet; import a time-log CSV or have the reps log their weeks first.";
    }

    public async Task<int?> DuplicateAsync(MemberAccess member, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayPlanScenarios)
        {
            return null;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var scenario = await db.Scenarios.Include(s => s.Organization).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scenario is null)
        {
            return null;
        }
        var name = $"Copy of {scenario.Name}";
        var copy = scenario.Duplicate(name.Length > Scenario.MaxNameLength ? name[..Scenario.MaxNameLength] : name, clock.GetUtcNow());
        db.Scenarios.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return copy.Id;
    }

    /// <summary>Deletes a scenario as it was read; false when it is gone or someone changed it since.</summary>
    public async Task<bool> DeleteAsync(MemberAccess member, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayPlanScenarios)
        {
            return false;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var scenario = await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scenario is null || scenario.Version != version)
        {
            return false;
        }
        db.Scenarios.Remove(scenario);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>A scenario with today's figures of its period; null when the organisation has no such scenario or the member may not plan.</summary>
    public async Task<ScenarioWorkspace?> OpenAsync(MemberAccess member, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayPlanScenarios)
        {
            return null;
        }
        Scenario? scenario;
        List<ScenarioRole> roles;
        await using (var db = await access.OpenAsync(member, cancellationToken))
        {
            scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (scenario is null)
            {
                return null;
            }
            roles = await RolesAsync(db, cancellationToken);
        }
        var outcome = await analysis.AnalyzeAsync(member, scenario.From, scenario.To, cancellationToken: cancellationToken);
        if (outcome.Result is null || outcome.Input is null)
        {
            return null;
        }
        var baseline = ScenarioBaseline.FromAnalysis(outcome.Input, outcome.Result, roles);
        var reps = baseline.Reps.Select(r => r.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ScenarioWorkspace(
            member.OrganizationName,
            ScenarioDraft.Of(scenario),
            baseline,
            outcome.Result,
            roles.Where(r => r.IsAnalysed && r.AnnualCost == 0m).Select(r => r.Name).ToList(),
            scenario.Roles.Keys.Where(e => !reps.Contains(e)).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>Saves the board's decisions as a whole and answers the new version; a scenario someone else saved in the meantime is reported, not overwritten.</summary>
    public async Task<Outcome<int>> SaveAsync(MemberAccess member, ScenarioDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(draft);
        if (!member.MayPlanScenarios)
        {
            return Outcome.Forbidden<int>(NotAllowed);
        }
        var check = await draftValidator.CheckAsync(draft, cancellationToken);
        if (!check.Succeeded)
        {
            return Outcome.Invalid<int>(check.Errors.Distinct());
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var scenario = await db.Scenarios.Include(s => s.Organization).SingleOrDefaultAsync(s => s.Id == draft.Id, cancellationToken);
        if (scenario is null)
        {
            return Outcome.NotFound<int>("This scenario has been deleted.");
        }
        if (scenario.Version != draft.Version)
        {
            return Outcome.Conflict<int>(ConflictMessage);
        }
        var roles = await db.SalesRoles.Select(r => r.Name).ToListAsync(cancellationToken);
        var unknown = draft.Roles.Values.Concat(draft.Hires.Select(h => h.Role))
            .Where(r => !roles.Contains(r, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            return Outcome.Invalid<int>(unknown.Select(r => $"'{r}' is not one of the organisation's roles."));
        }
        var defaults = HandOffEdge.Of(scenario.Organization.Template).ToDictionary(e => e.Key, e => e.DefaultLabel, StringComparer.Ordinal);
        try
        {
            scenario.Describe(draft.Name, draft.Notes);
            scenario.Replace(
                draft.Roles,
                draft.Hires,
                // Only labels that differ from the default are kept, so a better default later reaches old scenarios.
                draft.HandOffs.Where(h => !defaults.TryGetValue(h.Key, out var label) || !string.Equals(label, h.Value.Trim(), StringComparison.Ordinal)).ToDictionary(),
                draft.StartMonth,
                clock.GetUtcNow());
        }
        catch (DomainRuleException exception)
        {
            return Outcome.Invalid<int>(exception.Message);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<int>(ConflictMessage);
        }
        return Outcome.Done(scenario.Version);
    }

    private static async Task<List<ScenarioRole>> RolesAsync(SalesSpecDbContext db, CancellationToken cancellationToken) =>
        // Ordered here, by the workloads' order in the line (the column holds their names).
        (await db.SalesRoles.AsNoTracking()
            .Select(r => new { r.Name, r.CoreWorkload, r.IsAnalysed, r.AnnualLoadedCost, r.RampMonths })
            .ToListAsync(cancellationToken))
        .OrderBy(r => r.CoreWorkload).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
        .Select(r => new ScenarioRole(r.Name, r.CoreWorkload, r.IsAnalysed, r.AnnualLoadedCost ?? 0m, r.RampMonths))
        .ToList();

    private static DateOnly NextMonth(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }
}

using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>
/// The scenario maths (docs/scenarios.md). Demand is what was observed: the hours per week spent on each
/// workload across everyone. Each person brings the standard week less the allowed non-core time to their
/// core workload; a workload's specialists take its demand up to their capacity, and what they cannot take
/// falls on everyone else in proportion to their free time. Each person keeps the non-selling hours they
/// logged (a hire, the average rep's). The analyzer is then re-run on those weeks, so "which rules would
/// still fire" uses the very rules of today's analysis.
/// </summary>
public static class ScenarioModel
{
    /// <summary>Non-core time a specialist may have and still be Focused (seed 000: under 10–20 %).</summary>
    public const decimal AllowedNonCore = 0.10m;

    /// <summary>Weeks a person works in a year, after holidays: turns an annual cost into the cost of an hour.</summary>
    public const decimal WorkingWeeksPerYear = 46m;

    public const int Months = 12;

    public static ScenarioOutcome Evaluate(ScenarioBaseline baseline, ScenarioPlan plan)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(plan);
        var roles = baseline.Roles.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var workloads = Templates.WorkloadsOf(baseline.Template);
        var standard = baseline.StandardWeeklyHours;
        var coreCapacity = standard * (1 - AllowedNonCore);
        var people = People(baseline, plan, roles);

        var functionDemand = Enum.GetValues<SalesFunction>().ToDictionary(f => f, f => baseline.Reps.Sum(r => r.WeeklyHours.GetValueOrDefault(f)));
        var demand = workloads.ToDictionary(w => w, w => Templates.FunctionsOf(w).Sum(f => functionDemand[f]));
        var assigned = Allocate(people, workloads, demand, standard, coreCapacity);

        // Back from workloads to functions, in the mix observed inside each workload.
        var hours = people.Select((p, i) => Enum.GetValues<SalesFunction>().ToDictionary(f => f, f =>
            f == SalesFunction.NonSelling
                ? p.NonSelling
                : Templates.WorkloadOf(baseline.Template, f) is { } w && demand[w] > 0 ? assigned[i][w] * functionDemand[f] / demand[w] : 0m)).ToList();

        var analysis = Analyze(baseline, people, hours);
        var figures = analysis.Reps.ToDictionary(r => r.Email, StringComparer.Ordinal);
        var outlooks = people.Select((p, i) =>
        {
            // Nobody's work reaches an idle specialist: not unfocused, just without work.
            var focus = figures.TryGetValue(p.Key, out var f) ? f.Focus : Focus.Focused;
            return new PersonOutlook(p.Key, p.Name, p.Role.Name, p.CurrentRole, p.IsHire, focus, f?.NonCoreShare ?? 0m, hours[i]);
        }).ToList();

        var workloadOutlooks = workloads.Select(w =>
        {
            var core = outlooks.Where((_, i) => people[i].Role.CoreWorkload == w).ToList();
            var capacity = core.Count * coreCapacity;
            var gap = capacity - demand[w];
            // The gap in FTE as the analyzer counts FTE (hours ÷ the standard week), so today's gap of a workload nobody
            // has as core reads the FTE its recommendation states.
            return new WorkloadOutlook(w, demand[w], capacity, gap, standard == 0 ? 0 : gap / standard, core.Count, core.Count(p => p.Focus == Focus.Focused));
        }).ToList();

        var rate = standard * WorkingWeeksPerYear;
        var costPerHour = Templates.SellingFunctions.ToDictionary(f => f, f =>
        {
            var total = hours.Sum(h => h[f]);
            return total == 0 ? (decimal?)null : people.Select((p, i) => hours[i][f] * p.Role.AnnualCost / rate).Sum() / total;
        });

        return new ScenarioOutcome(
            workloadOutlooks,
            outlooks,
            outlooks.Count == 0 ? 0 : (decimal)outlooks.Count(p => p.Focus == Focus.Focused) / outlooks.Count,
            people.Sum(p => p.Role.AnnualCost),
            costPerHour,
            analysis.Recommendations,
            CapacityOverTime(people, workloads, coreCapacity),
            Staffing(baseline, plan));
    }

    /// <summary>The key of the <paramref name="number"/>th new person (from 1, in the order of the plan's lines), under which the outcome lists them.</summary>
    public static string HireKey(int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"hire-{number}@scenario.invalid");

    /// <summary>How far a person works at full capacity in month <paramref name="month"/>: reps at once; hires linearly over their role's ramp from their start month.</summary>
    public static decimal RampFactor(int month, int startMonth, int rampMonths)
    {
        if (month < startMonth)
        {
            return 0m;
        }
        return rampMonths <= 0 ? 1m : Math.Min(1m, (decimal)(month - startMonth + 1) / rampMonths);
    }

    private static List<Person> People(ScenarioBaseline baseline, ScenarioPlan plan, Dictionary<string, ScenarioRole> roles)
    {
        ScenarioRole RoleNamed(string name) => roles.TryGetValue(name, out var role)
            ? role
            : throw new DomainRuleException($"'{name}' is not one of the organisation's roles.");

        var people = new List<Person>();
        foreach (var rep in baseline.Reps.OrderBy(r => r.Email, StringComparer.Ordinal))
        {
            var role = RoleNamed(plan.Roles.GetValueOrDefault(rep.Email) ?? rep.CurrentRole);
            // A rep moved to a role that is not analysed (promoted to manager) leaves the figures, as in the analysis.
            if (role.IsAnalysed)
            {
                people.Add(new Person(rep.Email, rep.Name, role, rep.CurrentRole, false, 0, rep.WeeklyHours.GetValueOrDefault(SalesFunction.NonSelling)));
            }
        }
        var averageNonSelling = baseline.Reps.Count == 0 ? 0m : baseline.Reps.Average(r => r.WeeklyHours.GetValueOrDefault(SalesFunction.NonSelling));
        var number = 0;
        foreach (var hire in plan.Hires)
        {
            var role = RoleNamed(hire.Role);
            for (var i = 0; i < hire.Count && role.IsAnalysed; i++)
            {
                number++;
                people.Add(new Person(HireKey(number), $"New {role.Name} {number}", role, null, true, hire.StartMonth, averageNonSelling));
            }
        }
        return people;
    }

    /// <summary>Hours per person and workload: specialists first, up to their capacity; the rest over everyone else by free time.</summary>
    private static List<Dictionary<Workload, decimal>> Allocate(
        List<Person> people, IReadOnlyList<Workload> workloads, Dictionary<Workload, decimal> demand, decimal standard, decimal coreCapacity)
    {
        var assigned = people.Select(_ => workloads.ToDictionary(w => w, _ => 0m)).ToList();
        var overflow = new Dictionary<Workload, decimal>();
        foreach (var workload in workloads)
        {
            var specialists = Enumerable.Range(0, people.Count).Where(i => people[i].Role.CoreWorkload == workload).ToList();
            var taken = Math.Min(demand[workload], specialists.Count * coreCapacity);
            foreach (var i in specialists)
            {
                assigned[i][workload] = taken / specialists.Count;
            }
            overflow[workload] = demand[workload] - taken;
        }
        // Free time is measured once, before any overflow lands, so the order of workloads does not matter.
        var free = people.Select((p, i) => Math.Max(0m, standard - p.NonSelling - assigned[i].Values.Sum())).ToList();
        foreach (var workload in workloads.Where(w => overflow[w] > 0))
        {
            var others = Enumerable.Range(0, people.Count).Where(i => people[i].Role.CoreWorkload != workload).ToList();
            if (others.Count == 0)
            {
                // Only specialists are left: they work beyond their capacity.
                others = Enumerable.Range(0, people.Count).ToList();
            }
            if (others.Count == 0)
            {
                continue;
            }
            var totalFree = others.Sum(i => free[i]);
            foreach (var i in others)
            {
                var part = totalFree > 0 ? free[i] / totalFree : 1m / others.Count;
                assigned[i][workload] += overflow[workload] * part;
            }
        }
        return assigned;
    }

    private static AnalysisResult Analyze(ScenarioBaseline baseline, List<Person> people, List<Dictionary<SalesFunction, decimal>> hours)
    {
        // One representative week: the analyzer's shares do not depend on the number of weeks.
        var week = baseline.To;
        return WorkloadAnalyzer.Analyze(new AnalysisInput
        {
            Template = baseline.Template,
            Threshold = baseline.Threshold,
            StandardWeeklyHours = baseline.StandardWeeklyHours,
            From = week,
            To = week,
            Reps = people.Select(p => new AnalysisRep(p.Key, p.Name, null, p.Role.Name, p.Role.CoreWorkload)).ToList(),
            Hours = people.SelectMany((p, i) => hours[i].Where(h => h.Value > 0).Select(h => new RepWeekHours(p.Key, week, h.Key, Math.Round(h.Value, 4)))).ToList(),
            LeadCounts = baseline.LeadCounts,
            InboundLeadsPerMonth = baseline.InboundLeadsPerMonth,
            HasSimpleSalesProcess = baseline.HasSimpleSalesProcess,
            SucceedsWithGeneralists = baseline.SucceedsWithGeneralists,
        });
    }

    private static List<MonthCapacity> CapacityOverTime(List<Person> people, IReadOnlyList<Workload> workloads, decimal coreCapacity) =>
        Enumerable.Range(0, Months).Select(month => new MonthCapacity(month, workloads.ToDictionary(w => w, w =>
            people.Where(p => p.Role.CoreWorkload == w)
                .Sum(p => coreCapacity * (p.IsHire ? RampFactor(month, p.StartMonth, p.Role.RampMonths) : 1m))))).ToList();

    private static StaffingPlan Staffing(ScenarioBaseline baseline, ScenarioPlan plan)
    {
        var moves = baseline.Reps.Count(r => plan.Roles.TryGetValue(r.Email, out var role) && !string.Equals(role, r.CurrentRole, StringComparison.OrdinalIgnoreCase));
        var internalHires = plan.Hires.Where(h => h.Internal).Sum(h => h.Count);
        var externalHires = plan.Hires.Where(h => !h.Internal).Sum(h => h.Count);
        var placed = moves + internalHires + externalHires;
        return new StaffingPlan(moves, internalHires, externalHires, placed == 0 ? null : (decimal)(moves + internalHires) / placed);
    }

    private sealed record Person(string Key, string Name, ScenarioRole Role, string? CurrentRole, bool IsHire, int StartMonth, decimal NonSelling);
}

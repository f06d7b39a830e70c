using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests.Analysis;

/// <summary>Builds analyzer input: reps, and hours per rep, week and function.</summary>
internal sealed class Scenario
{
    public static readonly IsoWeek Week1 = IsoWeek.Parse("2026-W36");

    private readonly List<AnalysisRep> _reps = [];
    private readonly List<RepWeekHours> _hours = [];

    public OrganizationTemplate Template { get; init; } = OrganizationTemplate.FourRoles;

    public decimal Threshold { get; init; } = 0.20m;

    public decimal StandardWeeklyHours { get; init; } = 40m;

    public int Weeks { get; init; } = 1;

    public string? Team { get; init; }

    public int? InboundLeadsPerMonth { get; init; }

    public List<MonthlyLeads> LeadCounts { get; } = [];

    public bool SimpleSales { get; init; }

    public bool Generalists { get; init; }

    public Scenario Rep(string name, Workload core, string? team = "East", bool active = true, bool analysed = true, string role = "Full-Cycle Rep")
    {
        _reps.Add(new AnalysisRep($"{name}@acme.test", name, team, role, core, active, analysed));
        return this;
    }

    /// <summary>Hours in one week (0-based offset from <see cref="Week1"/>), as (function, hours) pairs.</summary>
    public Scenario Log(string name, int week, params (SalesFunction Function, decimal Hours)[] hours)
    {
        foreach (var (function, value) in hours)
        {
            _hours.Add(new RepWeekHours($"{name}@acme.test", Week1.AddWeeks(week), function, value));
        }
        return this;
    }

    /// <summary>The same hours in every week of the period.</summary>
    public Scenario LogEveryWeek(string name, params (SalesFunction Function, decimal Hours)[] hours)
    {
        for (var w = 0; w < Weeks; w++)
        {
            Log(name, w, hours);
        }
        return this;
    }

    public AnalysisInput Input => new()
    {
        Template = Template,
        Threshold = Threshold,
        StandardWeeklyHours = StandardWeeklyHours,
        From = Week1,
        To = Week1.AddWeeks(Weeks - 1),
        Team = Team,
        Reps = _reps,
        Hours = _hours,
        LeadCounts = LeadCounts,
        InboundLeadsPerMonth = InboundLeadsPerMonth,
        HasSimpleSalesProcess = SimpleSales,
        SucceedsWithGeneralists = Generalists,
    };

    public AnalysisResult Analyze() => WorkloadAnalyzer.Analyze(Input);

    public static (SalesFunction, decimal) Inbound(decimal h) => (SalesFunction.InboundQualification, h);

    public static (SalesFunction, decimal) Outbound(decimal h) => (SalesFunction.OutboundProspecting, h);

    public static (SalesFunction, decimal) Closing(decimal h) => (SalesFunction.Closing, h);

    public static (SalesFunction, decimal) PostSales(decimal h) => (SalesFunction.PostSales, h);

    public static (SalesFunction, decimal) NonSelling(decimal h) => (SalesFunction.NonSelling, h);
}

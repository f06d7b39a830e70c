using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Domain.Tests.Scenarios;

/// <summary>A saved scenario's rules: what it keeps, what it refuses, and the baseline it is computed from.</summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek From = IsoWeek.Parse("2026-W36");
    private static readonly IsoWeek To = IsoWeek.Parse("2026-W47");

    private static Scenario Create(OrganizationTemplate template = OrganizationTemplate.FourRoles) =>
        Scenario.Create(Organization.Create("Acme", template), "Inbound team", From, To, new DateOnly(2026, 12, 15), Workload.InboundQualification, Now);

    [Fact]
    public void A_new_scenario_changes_nothing_starts_on_the_first_of_its_month_and_has_version_1()
    {
        var scenario = Create();

        (scenario.Name, scenario.From, scenario.To, scenario.StartMonth, scenario.Version).ShouldBe(("Inbound team", From, To, new DateOnly(2026, 12, 1), 1));
        scenario.Roles.ShouldBeEmpty();
        scenario.Hires.ShouldBeEmpty();
        scenario.HandOffLabel(HandOffEdge.Of(OrganizationTemplate.FourRoles)[2]).ShouldBe("Sales-qualified lead");
    }

    [Fact]
    public void Replacing_the_decisions_raises_the_version_and_a_copy_keeps_them()
    {
        var scenario = Create();
        scenario.Replace(
            new Dictionary<string, string> { [" ana@x.test "] = " Market Response Rep " },
            [new ScenarioHire(" Sales Development Rep ", 2, false, 1)],
            new Dictionary<string, string> { ["Closing>PostSales"] = " Customer live " },
            new DateOnly(2027, 1, 20),
            Now);

        scenario.Version.ShouldBe(2);
        scenario.Roles.ShouldBe(new Dictionary<string, string> { ["ana@x.test"] = "Market Response Rep" });
        scenario.Hires.ShouldBe([new ScenarioHire("Sales Development Rep", 2, false, 1)]);
        scenario.HandOffLabel(HandOffEdge.Of(OrganizationTemplate.FourRoles)[4]).ShouldBe("Customer live");
        scenario.StartMonth.ShouldBe(new DateOnly(2027, 1, 1));

        var copy = scenario.Duplicate("Variant", Now);
        (copy.Name, copy.Version, copy.Roles.Count, copy.Hires.Count, copy.HandOffs.Count, copy.StartMonth)
            .ShouldBe(("Variant", 1, 1, 1, 1, new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("", 1, 0, "Closing>PostSales", "ok", "Every line of new people needs a role.")]
    [InlineData("Account Executive", 0, 0, "Closing>PostSales", "ok", "A line of new people adds 1 to 100; got 0.")]
    [InlineData("Account Executive", 101, 0, "Closing>PostSales", "ok", "A line of new people adds 1 to 100; got 101.")]
    [InlineData("Account Executive", 1, 12, "Closing>PostSales", "ok", "New people start in month 1 to 12 of the plan.")]
    [InlineData("Account Executive", 1, -1, "Closing>PostSales", "ok", "New people start in month 1 to 12 of the plan.")]
    [InlineData("Account Executive", 1, 0, "Leads>DemandGeneration", "ok", "'Leads>DemandGeneration' is not a hand-off of the FourRoles template.")]
    [InlineData("Account Executive", 1, 0, "Closing>PostSales", " ", "A hand-off point is 1 to 60 characters.")]
    public void Decisions_that_cannot_be_are_refused_whole(string role, int count, int startMonth, string edge, string label, string message)
    {
        var scenario = Create();

        Should.Throw<DomainRuleException>(() => scenario.Replace(
                new Dictionary<string, string>(), [new ScenarioHire(role, count, true, startMonth)], new Dictionary<string, string> { [edge] = label }, scenario.StartMonth, Now))
            .Message.ShouldBe(message);
        (scenario.Version, scenario.Hires.Count).ShouldBe((1, 0));
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, "Leads>InboundQualification Leads>OutboundProspecting InboundQualification>Closing OutboundProspecting>Closing Closing>PostSales")]
    [InlineData(OrganizationTemplate.ThreeWorkloads, "Leads>DemandGeneration DemandGeneration>Closing Closing>PostSales")]
    public void Each_template_has_its_line_of_hand_offs(OrganizationTemplate template, string keys)
    {
        string.Join(" ", HandOffEdge.Of(template).Select(e => e.Key)).ShouldBe(keys);
        HandOffEdge.Of(template)[^1].DefaultLabel.ShouldBe("Customer deployed");
    }

    [Theory]
    [InlineData("Market Response Rep", 70_000, 3)]
    [InlineData("Sales Development Rep", 75_000, 3)]
    [InlineData("Account Executive", 150_000, 5)]
    [InlineData("Account Manager", 110_000, 3)]
    [InlineData("Full-Cycle Rep", 130_000, 5)]
    [InlineData("Sales Manager", 180_000, 0)]
    public void A_new_organisation_starts_with_placeholder_costs_and_the_Bridge_Group_ramps(string name, int cost, int ramp)
    {
        var role = Organization.Create("Acme").Roles.Single(r => r.Name == name);

        (role.AnnualLoadedCost, role.RampMonths).ShouldBe((cost, ramp));
        Should.Throw<DomainRuleException>(() => role.SetRampMonths(Role.MaxRampMonths + 1)).Message.ShouldBe("A ramp must be 0 to 24 months; got 25.");
    }

    [Fact]
    public void The_baseline_averages_each_rep_over_the_period_like_the_recommendation()
    {
        var organization = Organization.Create("Acme");
        var input = new AnalysisInput
        {
            Template = OrganizationTemplate.FourRoles,
            From = From,
            To = From.AddWeeks(3),
            Reps =
            [
                new AnalysisRep("ana@x.test", "Ana", null, "Account Executive", Workload.Closing),
                new AnalysisRep("ben@x.test", "Ben", null, "Account Executive", Workload.Closing),
            ],
            Hours =
            [
                // Ana logs all four weeks, Ben two of them: like the dashboard's recommendation, each rep's hours are
                // divided by the period's four weeks, so the board's demand equals the recommendation's weekly hours.
                .. Enumerable.Range(0, 4).Select(w => new RepWeekHours("ana@x.test", From.AddWeeks(w), SalesFunction.InboundQualification, 10m)),
                new RepWeekHours("ben@x.test", From, SalesFunction.InboundQualification, 6m),
                new RepWeekHours("ben@x.test", From.AddWeeks(2), SalesFunction.InboundQualification, 8m),
                new RepWeekHours("ben@x.test", From.AddWeeks(2), SalesFunction.Closing, 30m),
            ],
        };
        var roles = organization.Roles.Select(r => new ScenarioRole(r.Name, r.CoreWorkload, r.IsAnalysed, r.AnnualLoadedCost ?? 0m, r.RampMonths)).ToList();

        var baseline = ScenarioBaseline.FromAnalysis(input, WorkloadAnalyzer.Analyze(input), roles);

        baseline.Reps.Select(r => (r.Email, r.WeeklyHours[SalesFunction.InboundQualification], r.WeeklyHours[SalesFunction.Closing]))
            .ShouldBe([("ana@x.test", 10m, 0m), ("ben@x.test", 3.5m, 7.5m)], ignoreOrder: true);
        ScenarioModel.Evaluate(baseline, ScenarioPlan.Today).Workloads.Single(w => w.Workload == Workload.InboundQualification).Demand.ShouldBe(13.5m);
    }
}

using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Domain.Tests.Scenarios;

/// <summary>The scenario maths at its edges: nobody left, nobody free, only specialists, a baseline's weeks.</summary>
public sealed class ScenarioEdgeTests
{
    private static readonly ScenarioRole[] Roles =
    [
        new("Market Response Rep", Workload.InboundQualification, true, 70_000m, 3),
        new("Account Executive", Workload.Closing, true, 150_000m, 5),
        new("Account Manager", Workload.PostSales, true, 110_000m, 3),
        new("Sales Manager", Workload.Closing, false, 180_000m, 0),
    ];

    private static ScenarioRep Rep(string name, string role, decimal inbound, decimal closing, decimal postSales, decimal nonSelling) =>
        new($"{name}@x.test", name, null, role, new Dictionary<SalesFunction, decimal>
        {
            [SalesFunction.InboundQualification] = inbound,
            [SalesFunction.Closing] = closing,
            [SalesFunction.PostSales] = postSales,
            [SalesFunction.NonSelling] = nonSelling,
        });

    private static ScenarioBaseline Baseline(params ScenarioRep[] reps) => new()
    {
        Template = OrganizationTemplate.FourRoles,
        From = IsoWeek.Parse("2026-W36"),
        To = IsoWeek.Parse("2026-W47"),
        Roles = Roles,
        Reps = reps,
    };

    private static ScenarioPlan Hire(string role, int count = 1, int startMonth = 0) => new(new Dictionary<string, string>(), [new ScenarioHire(role, count, false, startMonth)]);

    [Fact]
    public void Work_beyond_the_specialists_capacity_stays_with_them_when_nobody_else_is_left()
    {
        // Two AEs, 50 h of closing each: 100 h of demand, 2 × 36 h of capacity; nobody else to take the 28 h over.
        var outcome = ScenarioModel.Evaluate(Baseline(Rep("ana", "Account Executive", 0, 50, 0, 0), Rep("ben", "Account Executive", 0, 50, 0, 0)), ScenarioPlan.Today);

        outcome.People.Select(p => p.WeeklyHours[SalesFunction.Closing]).ShouldBe([50m, 50m]);
        outcome.Workloads.Single(w => w.Workload == Workload.Closing).Gap.ShouldBe(-28m);
    }

    [Fact]
    public void Overflow_is_shared_equally_when_nobody_has_free_time()
    {
        // The AE's 36 h of closing and 4 h of non-selling fill the week, the AM's week is all non-selling: the 10 h of
        // inbound that no specialist takes land on the two alike.
        var outcome = ScenarioModel.Evaluate(
            Baseline(Rep("ana", "Account Executive", 10, 36, 0, 4), Rep("dan", "Account Manager", 0, 0, 0, 40)), ScenarioPlan.Today);

        outcome.People.Select(p => (p.Key, p.WeeklyHours[SalesFunction.InboundQualification])).ShouldBe([("ana@x.test", 5m), ("dan@x.test", 5m)]);
    }

    [Fact]
    public void People_are_listed_by_email()
    {
        var outcome = ScenarioModel.Evaluate(
            Baseline(Rep("cy", "Account Manager", 0, 0, 36, 4), Rep("ana", "Account Executive", 0, 36, 0, 4), Rep("bo", "Account Executive", 0, 36, 0, 4)),
            ScenarioPlan.Today);

        outcome.People.Select(p => p.Key).ShouldBe(["ana@x.test", "bo@x.test", "cy@x.test"]);
    }

    [Fact]
    public void A_person_shows_their_non_core_share()
    {
        // 52 h of closing: Ana, the AE, takes her capacity of 36 h and Dan, the AM, the 16 h left over next to his 20 h of
        // post-sales: 16 of his 40 h are outside his core.
        var outcome = ScenarioModel.Evaluate(
            Baseline(Rep("ana", "Account Executive", 0, 36, 0, 4), Rep("dan", "Account Manager", 0, 16, 20, 4)), ScenarioPlan.Today);

        var dan = outcome.People.Single(p => p.Key == "dan@x.test");
        dan.NonCoreShare.ShouldBe(0.4m);
        dan.Focus.ShouldBe(Focus.Unfocused);
        outcome.People.Single(p => p.Key == "ana@x.test").NonCoreShare.ShouldBe(0m);
    }

    [Fact]
    public void With_nobody_at_all_the_outcome_is_empty_not_an_error()
    {
        var outcome = ScenarioModel.Evaluate(Baseline(), ScenarioPlan.Today);

        outcome.People.ShouldBeEmpty();
        outcome.FocusedShare.ShouldBe(0m);
        outcome.AnnualCost.ShouldBe(0m);
    }

    [Fact]
    public void A_hire_into_an_empty_team_brings_no_non_selling_hours()
    {
        var outcome = ScenarioModel.Evaluate(Baseline(), Hire("Account Executive"));

        outcome.People.Single().WeeklyHours[SalesFunction.NonSelling].ShouldBe(0m);
    }

    [Fact]
    public void A_hire_keeps_the_average_non_selling_hours_of_the_reps()
    {
        var outcome = ScenarioModel.Evaluate(
            Baseline(Rep("ana", "Account Executive", 0, 36, 0, 2), Rep("dan", "Account Manager", 0, 0, 30, 6)), Hire("Market Response Rep"));

        outcome.People.Single(p => p.IsHire).WeeklyHours[SalesFunction.NonSelling].ShouldBe(4m);
    }

    [Fact]
    public void Reps_work_at_full_capacity_from_the_first_month_whatever_their_roles_ramp()
    {
        var outcome = ScenarioModel.Evaluate(Baseline(Rep("ana", "Account Executive", 0, 36, 0, 4)), ScenarioPlan.Today);

        outcome.Months[0].Capacity[Workload.Closing].ShouldBe(36m);
    }

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(3, 5, 0)]
    public void Before_their_start_month_a_hire_brings_nothing(int month, int start, int ramp)
    {
        ScenarioModel.RampFactor(month, start, ramp).ShouldBe(0m);
    }

    [Fact]
    public void The_rules_still_firing_leave_out_the_caution_that_qualifies_them()
    {
        var baseline = Baseline(Rep("ana", "Account Executive", 0, 36, 0, 4)) with { SucceedsWithGeneralists = true };

        var outcome = ScenarioModel.Evaluate(baseline, ScenarioPlan.Today);

        outcome.Recommendations.Select(r => r.Kind).ShouldBe([RecommendationKind.MissingCoreRoles, RecommendationKind.SpecializationCaution]);
        outcome.RulesStillFiring.Select(r => r.Kind).ShouldBe([RecommendationKind.MissingCoreRoles]);
    }

    [Fact]
    public void Evaluating_needs_a_baseline_and_a_plan()
    {
        Should.Throw<ArgumentNullException>(() => ScenarioModel.Evaluate(null!, ScenarioPlan.Today));
        Should.Throw<ArgumentNullException>(() => ScenarioModel.Evaluate(Baseline(), null!));
    }

    [Fact]
    public void The_baseline_counts_only_hours_inside_the_period_over_the_period_s_weeks()
    {
        var week = IsoWeek.Parse("2026-W40");
        var input = new AnalysisInput
        {
            Template = OrganizationTemplate.FourRoles,
            From = week,
            To = week.AddWeeks(1),
            Reps = [new AnalysisRep("ana@x.test", "Ana", null, "Account Executive", Workload.Closing)],
            Hours =
            [
                new RepWeekHours("ana@x.test", week, SalesFunction.Closing, 30m),
                new RepWeekHours("ana@x.test", week.AddWeeks(1), SalesFunction.Closing, 0m),
                new RepWeekHours("ana@x.test", week.AddWeeks(-1), SalesFunction.Closing, 10m),
                new RepWeekHours("ana@x.test", week.AddWeeks(2), SalesFunction.Closing, 10m),
            ],
        };

        var baseline = ScenarioBaseline.FromAnalysis(input, WorkloadAnalyzer.Analyze(input), Roles);

        // 30 h inside the two-week period: 15 h a week, the recommendation's own figure; the 10-hour rows outside
        // the period count nowhere (they would give 12.5 or 20).
        baseline.Reps.Single().WeeklyHours[SalesFunction.Closing].ShouldBe(15m);
    }

    [Fact]
    public void A_baseline_needs_an_input_a_result_and_roles()
    {
        var input = new AnalysisInput { Template = OrganizationTemplate.FourRoles, From = IsoWeek.Parse("2026-W40"), To = IsoWeek.Parse("2026-W40"), Reps = [], Hours = [] };
        var result = WorkloadAnalyzer.Analyze(input);

        Should.Throw<ArgumentNullException>(() => ScenarioBaseline.FromAnalysis(null!, result, Roles));
        Should.Throw<ArgumentNullException>(() => ScenarioBaseline.FromAnalysis(input, null!, Roles));
        Should.Throw<ArgumentNullException>(() => ScenarioBaseline.FromAnalysis(input, result, null!));
    }
}

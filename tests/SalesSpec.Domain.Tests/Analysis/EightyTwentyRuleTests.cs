using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

public sealed class EightyTwentyRuleTests
{
    [Theory]
    [InlineData(8.00, false)]
    [InlineData(8.01, true)]
    [InlineData(7.99, false)]
    [InlineData(20.0, true)]
    public void SplitOutRole_fires_only_when_the_group_share_is_strictly_above_the_threshold(decimal inbound, bool fires)
    {
        var result = new Scenario()
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(inbound), Closing(40m - inbound))
            .Analyze();

        result.Recommendations.Any(r => r.Kind == RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification).ShouldBe(fires);
    }

    [Theory]
    [InlineData(0.25, 10.0, false)]
    [InlineData(0.25, 10.01, true)]
    [InlineData(0.15, 6.01, true)]
    [InlineData(0.15, 6.0, false)]
    public void The_threshold_is_the_organisations(decimal threshold, decimal inbound, bool fires)
    {
        var result = new Scenario { Threshold = threshold }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(inbound), Closing(40m - inbound))
            .Analyze();

        result.Recommendations.Any(r => r.Kind == RecommendationKind.SplitOutRole).ShouldBe(fires);
    }

    [Fact]
    public void The_group_is_everyone_whose_core_workload_is_another_one()
    {
        // bo is a Market Response Rep: his inbound hours do not count; ana's and cy's do.
        var result = new Scenario { Team = "East" }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(14), Closing(26))
            .Rep("bo", Workload.InboundQualification).Log("bo", 0, Inbound(40))
            .Rep("cy", Workload.PostSales).Log("cy", 0, Inbound(4), PostSales(36))
            .Analyze();

        var recommendation = result.Recommendations.Single(r => r.Workload == Workload.InboundQualification);
        recommendation.Kind.ShouldBe(RecommendationKind.AddSpecialistCapacity);
        recommendation.Share.ShouldBe(18m / 80m);
        recommendation.WeeklyHours.ShouldBe(18m);
        recommendation.FteEquivalent.ShouldBe(0.45m);
        recommendation.SuggestedHeadcount.ShouldBe(1);
        recommendation.Candidates.ShouldBe(["ana@acme.test", "cy@acme.test"]);
    }

    [Theory]
    [InlineData("Central", true, true, RecommendationKind.AddSpecialistCapacity)]
    [InlineData("East", true, true, RecommendationKind.AddSpecialistCapacity)]
    [InlineData("Central", false, true, RecommendationKind.SplitOutRole)]
    [InlineData("Central", true, false, RecommendationKind.SplitOutRole)]
    public void Specialists_anywhere_in_the_organisation_turn_SplitOutRole_into_AddSpecialistCapacity(
        string specialistTeam, bool active, bool analysed, RecommendationKind expected)
    {
        var result = new Scenario { Team = "East" }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(12), Closing(28))
            .Rep("mrr", Workload.InboundQualification, team: specialistTeam, active: active, analysed: analysed).Log("mrr", 0, Inbound(40))
            .Analyze();

        result.Recommendations.Single(r => r.Workload == Workload.InboundQualification).Kind.ShouldBe(expected);
    }

    [Fact]
    public void A_workload_whose_group_is_empty_is_skipped()
    {
        var result = new Scenario()
            .Rep("ana", Workload.Closing).Log("ana", 0, Closing(10), Inbound(30))
            .Analyze();

        result.Recommendations.Where(r => r.Share is not null).Select(r => r.Workload).ShouldBe([Workload.InboundQualification]);
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, new Workload[0])]
    [InlineData(OrganizationTemplate.ThreeWorkloads, new[] { Workload.DemandGeneration })]
    public void Demand_generation_adds_inbound_and_outbound_in_the_three_workload_template(OrganizationTemplate template, Workload[] fired)
    {
        // 9 % outbound stays under the line alone, but with 14 % inbound demand generation is 23 %.
        var result = new Scenario { Template = template }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(8.4m), Outbound(5.4m), Closing(40m), NonSelling(6.2m))
            .Analyze();

        result.Recommendations.Where(r => r.Share is not null).Select(r => r.Workload!.Value).ShouldBe(fired);
    }

    [Theory]
    [InlineData(100, 40, 2.5, 3)]
    [InlineData(98, 40, 2.45, 2)]
    [InlineData(60, 40, 1.5, 2)]
    [InlineData(10, 40, 0.25, 1)]
    [InlineData(1, 40, 0.025, 1)]
    [InlineData(75, 37.5, 2, 2)]
    public void Suggested_headcount_rounds_fte_half_away_from_zero_and_is_at_least_one(decimal weeklyInbound, decimal standard, decimal fte, int headcount)
    {
        var scenario = new Scenario { StandardWeeklyHours = standard, Weeks = 2 };
        for (var i = 0; i < 10; i++)
        {
            scenario.Rep($"r{i}", Workload.Closing).LogEveryWeek($"r{i}", Inbound(weeklyInbound / 10m), Closing(weeklyInbound / 10m));
        }

        var recommendation = scenario.Analyze().Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole);

        recommendation.WeeklyHours.ShouldBe(weeklyInbound);
        recommendation.FteEquivalent.ShouldBe(fte);
        recommendation.SuggestedHeadcount.ShouldBe(headcount);
    }

    [Fact]
    public void Candidates_are_the_three_with_most_hours_ties_by_email_and_nobody_without_hours()
    {
        var result = new Scenario()
            .Rep("dan", Workload.Closing).Log("dan", 0, Inbound(10), Closing(10))
            .Rep("bea", Workload.Closing).Log("bea", 0, Inbound(10), Closing(10))
            .Rep("cal", Workload.Closing).Log("cal", 0, Inbound(12), Closing(10))
            .Rep("abe", Workload.Closing).Log("abe", 0, Inbound(10), Closing(10))
            .Rep("zed", Workload.Closing).Log("zed", 0, Closing(30))
            .Analyze();

        result.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole).Candidates
            .ShouldBe(["cal@acme.test", "abe@acme.test", "bea@acme.test"]);
    }

    [Fact]
    public void Fewer_than_three_candidates_when_fewer_reps_did_the_work()
    {
        var result = new Scenario()
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(20), Closing(20))
            .Rep("bo", Workload.Closing).Log("bo", 0, Closing(40))
            .Analyze();

        result.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole).Candidates.ShouldBe(["ana@acme.test"]);
    }

    [Fact]
    public void The_rationale_states_the_numbers_and_the_source_names_the_seed()
    {
        var result = new Scenario { Weeks = 2 }
            .Rep("ana", Workload.Closing).LogEveryWeek("ana", Inbound(11), Closing(29))
            .Analyze();

        var recommendation = result.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole);
        recommendation.Rationale.ShouldBe(
            "Reps outside inbound qualification spend 27.5% of their time on it (threshold 20%): 11 hours a week, 0.3 FTE. " +
            "Break it out into a dedicated role of about 1 person.");
        recommendation.Source.ShouldStartWith("seed 003");
        recommendation.Advisory.ShouldBeFalse();
    }

    [Fact]
    public void The_rationale_counts_people_in_the_plural_above_one()
    {
        // 60 inbound hours a week of 80 = 75 %: 1.5 FTE at 40 hours, rounded half away from zero to 2.
        var result = new Scenario()
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(30), Closing(10))
            .Rep("bo", Workload.Closing).Log("bo", 0, Inbound(30), Closing(10))
            .Analyze();

        var recommendation = result.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole);
        recommendation.SuggestedHeadcount.ShouldBe(2);
        recommendation.Rationale.ShouldEndWith("Break it out into a dedicated role of about 2 people.");
    }

    [Fact]
    public void Hours_outside_the_period_or_the_team_are_ignored()
    {
        var result = new Scenario { Team = "East" }
            .Rep("ana", Workload.Closing).Log("ana", 0, Closing(40)).Log("ana", 1, Inbound(40)).Log("ana", -1, Inbound(40))
            .Rep("bo", Workload.Closing, team: "West").Log("bo", 0, Inbound(40))
            .Analyze();

        result.TotalHours.ShouldBe(40m);
        result.Recommendations.Where(r => r.Share is not null).ShouldBeEmpty();
        result.Reps.Select(r => r.Email).ShouldBe(["ana@acme.test"]);
    }
}

using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

public sealed class RulesOfThumbTests
{
    private static IEnumerable<RecommendationKind> Kinds(AnalysisResult result) => result.Recommendations.Select(r => r.Kind);

    [Theory]
    [InlineData(200, true)]
    [InlineData(199, false)]
    [InlineData(null, false)]
    public void AddMarketResponseRep_needs_two_hundred_leads_a_month_from_the_setting(int? leads, bool fires)
    {
        var result = new Scenario { InboundLeadsPerMonth = leads }.Rep("ana", Workload.Closing).Log("ana", 0, Closing(40)).Analyze();

        Kinds(result).Contains(RecommendationKind.AddMarketResponseRep).ShouldBe(fires);
    }

    [Fact]
    public void Recorded_lead_counts_of_the_period_win_over_the_setting()
    {
        // Period 2026-W36..W44 runs from 31 Aug to 1 Nov: August to November overlap it; July does not.
        var scenario = new Scenario { InboundLeadsPerMonth = 500, Weeks = 9 }.Rep("ana", Workload.Closing).Log("ana", 0, Closing(40));
        scenario.LeadCounts.AddRange([
            new MonthlyLeads(new DateOnly(2026, 7, 1), 10_000),
            new MonthlyLeads(new DateOnly(2026, 8, 1), 150),
            new MonthlyLeads(new DateOnly(2026, 9, 15), 210),
            new MonthlyLeads(new DateOnly(2026, 11, 1), 230),
        ]);

        WorkloadAnalyzer.AverageMonthlyInboundLeads(scenario.Input).ShouldBe(590m / 3m);
        Kinds(scenario.Analyze()).ShouldNotContain(RecommendationKind.AddMarketResponseRep);
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, Workload.InboundQualification, false)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, Workload.DemandGeneration, false)]
    [InlineData(OrganizationTemplate.FourRoles, Workload.OutboundProspecting, true)]
    public void AddMarketResponseRep_is_not_given_when_someone_already_owns_inbound(OrganizationTemplate template, Workload core, bool fires)
    {
        var result = new Scenario { Template = template, InboundLeadsPerMonth = 5000 }
            .Rep("ana", Workload.Closing).Log("ana", 0, Closing(40))
            .Rep("owner", core, team: "Central")
            .Analyze();

        Kinds(result).Contains(RecommendationKind.AddMarketResponseRep).ShouldBe(fires);
        if (fires)
        {
            result.Recommendations.Single(r => r.Kind == RecommendationKind.AddMarketResponseRep).Workload.ShouldBe(Workload.InboundQualification);
        }
    }

    [Theory]
    [InlineData(3, false, true)]
    [InlineData(2, false, false)]
    [InlineData(4, true, false)]
    public void HireSdrBeforeNextAe_counts_closers_organisation_wide(int closers, bool sdr, bool fires)
    {
        var scenario = new Scenario { Team = "East" };
        for (var i = 0; i < closers; i++)
        {
            scenario.Rep($"ae{i}", Workload.Closing, team: i == 0 ? "East" : "West");
        }
        scenario.Rep("inactive", Workload.Closing, active: false).Rep("boss", Workload.Closing, analysed: false);
        if (sdr)
        {
            scenario.Rep("sdr", Workload.OutboundProspecting, team: "Central");
        }

        Kinds(scenario.Analyze()).Contains(RecommendationKind.HireSdrBeforeNextAe).ShouldBe(fires);
    }

    [Theory]
    [InlineData(RecommendationKind.AddMarketResponseRep, true)]
    [InlineData(RecommendationKind.HireSdrBeforeNextAe, true)]
    [InlineData(RecommendationKind.MissingCoreRoles, true)]
    [InlineData(RecommendationKind.SplitOutRole, false)]
    [InlineData(RecommendationKind.AddSpecialistCapacity, false)]
    [InlineData(RecommendationKind.SpecializationCaution, false)]
    public void The_rules_of_thumb_are_organisation_wide_on_a_teams_analysis(RecommendationKind kind, bool organizationWide)
    {
        WorkloadAnalyzer.IsOrganizationWide(kind).ShouldBe(organizationWide);
    }

    [Fact]
    public void A_demand_generation_rep_counts_as_prospecting_in_the_three_workload_template()
    {
        var result = new Scenario { Template = OrganizationTemplate.ThreeWorkloads }
            .Rep("a", Workload.Closing).Rep("b", Workload.Closing).Rep("c", Workload.Closing)
            .Analyze();
        var withDemandGeneration = new Scenario { Template = OrganizationTemplate.ThreeWorkloads }
            .Rep("a", Workload.Closing).Rep("b", Workload.Closing).Rep("c", Workload.Closing).Rep("d", Workload.DemandGeneration)
            .Analyze();

        result.Recommendations.Single(r => r.Kind == RecommendationKind.HireSdrBeforeNextAe).Workload.ShouldBe(Workload.DemandGeneration);
        Kinds(withDemandGeneration).ShouldNotContain(RecommendationKind.HireSdrBeforeNextAe);
    }

    [Theory]
    [InlineData(new[] { Workload.Closing, Workload.PostSales }, true)]
    [InlineData(new[] { Workload.Closing, Workload.PostSales, Workload.InboundQualification }, false)]
    [InlineData(new[] { Workload.Closing }, true)]
    public void MissingCoreRoles_fires_below_three_of_the_four_functions(Workload[] cores, bool fires)
    {
        var scenario = new Scenario();
        foreach (var (core, i) in cores.Select((c, i) => (c, i)))
        {
            scenario.Rep($"r{i}", core);
        }

        var result = scenario.Analyze();

        Kinds(result).Contains(RecommendationKind.MissingCoreRoles).ShouldBe(fires);
        if (fires)
        {
            result.Recommendations.Single(r => r.Kind == RecommendationKind.MissingCoreRoles).Workload.ShouldBeNull();
        }
    }

    [Fact]
    public void Demand_generation_covers_two_functions_for_MissingCoreRoles()
    {
        var result = new Scenario { Template = OrganizationTemplate.ThreeWorkloads }
            .Rep("dg", Workload.DemandGeneration).Rep("ae", Workload.Closing)
            .Analyze();

        Kinds(result).ShouldNotContain(RecommendationKind.MissingCoreRoles);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void SpecializationCaution_makes_every_other_recommendation_advisory(bool simpleSales, bool generalists)
    {
        var result = new Scenario { SimpleSales = simpleSales, Generalists = generalists, InboundLeadsPerMonth = 300 }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(20), Closing(20))
            .Analyze();

        Kinds(result).ShouldBe([
            RecommendationKind.SplitOutRole, RecommendationKind.AddMarketResponseRep,
            RecommendationKind.MissingCoreRoles, RecommendationKind.SpecializationCaution,
        ]);
        result.Recommendations.Where(r => r.Kind != RecommendationKind.SpecializationCaution).ShouldAllBe(r => r.Advisory);
        result.Recommendations[^1].Source.ShouldStartWith("seed 001");
    }

    [Fact]
    public void Without_caution_nothing_is_advisory()
    {
        var result = new Scenario { InboundLeadsPerMonth = 300 }.Rep("ana", Workload.Closing).Log("ana", 0, Inbound(20), Closing(20)).Analyze();

        result.Recommendations.ShouldAllBe(r => !r.Advisory);
        Kinds(result).ShouldNotContain(RecommendationKind.SpecializationCaution);
    }

    [Fact]
    public void Recommendations_are_ordered_by_kind_then_share_then_workload()
    {
        var result = new Scenario { SimpleSales = true, InboundLeadsPerMonth = 250 }
            .Rep("a", Workload.Closing).Log("a", 0, Inbound(13), Outbound(14), PostSales(13))
            .Rep("b", Workload.Closing).Log("b", 0, Inbound(13), Outbound(14), PostSales(13))
            .Rep("am", Workload.PostSales).Log("am", 0, Closing(4), PostSales(36))
            .Analyze();

        result.Recommendations.Select(r => (r.Kind, r.Workload)).ShouldBe(
        [
            (RecommendationKind.SplitOutRole, Workload.OutboundProspecting),
            (RecommendationKind.SplitOutRole, Workload.InboundQualification),
            (RecommendationKind.AddSpecialistCapacity, Workload.PostSales),
            (RecommendationKind.AddMarketResponseRep, Workload.InboundQualification),
            (RecommendationKind.MissingCoreRoles, null),
            (RecommendationKind.SpecializationCaution, null),
        ]);
        result.Recommendations[0].Share.ShouldBe(28m / 120m);
        result.Recommendations[2].Share.ShouldBe(26m / 80m);
    }

    [Fact]
    public void Equal_shares_are_ordered_by_workload_name()
    {
        var result = new Scenario()
            .Rep("a", Workload.Closing).Log("a", 0, Outbound(12), Inbound(12), Closing(16))
            .Analyze();

        result.Recommendations.Where(r => r.Kind == RecommendationKind.SplitOutRole).Select(r => r.Workload)
            .ShouldBe([Workload.InboundQualification, Workload.OutboundProspecting]);
    }

    [Fact]
    public void Without_caution_no_kind_is_advisory_and_each_names_its_seed_and_evidence()
    {
        // Three closers who also qualify inbound leads (36 of everyone's 160 hours = 22.5 % > 20 %, and nobody owns
        // inbound), an account manager closing 10 of her 40 hours (25 % > 20 % although closers exist), 300 leads a month.
        var result = new Scenario { InboundLeadsPerMonth = 300 }
            .Rep("a", Workload.Closing).Log("a", 0, Inbound(12), Closing(28))
            .Rep("b", Workload.Closing).Log("b", 0, Inbound(12), Closing(28))
            .Rep("c", Workload.Closing).Log("c", 0, Inbound(12), Closing(28))
            .Rep("am", Workload.PostSales).Log("am", 0, Closing(10), PostSales(30))
            .Analyze();

        result.Recommendations.Select(r => (r.Kind, r.Workload)).ShouldBe(
        [
            (RecommendationKind.SplitOutRole, Workload.InboundQualification),
            (RecommendationKind.AddSpecialistCapacity, Workload.Closing),
            (RecommendationKind.AddMarketResponseRep, Workload.InboundQualification),
            (RecommendationKind.HireSdrBeforeNextAe, Workload.OutboundProspecting),
            (RecommendationKind.MissingCoreRoles, null),
        ]);
        result.Recommendations.ShouldAllBe(r => !r.Advisory);
        Recommendation Of(RecommendationKind kind) => result.Recommendations.Single(r => r.Kind == kind);

        var capacity = Of(RecommendationKind.AddSpecialistCapacity);
        capacity.Source.ShouldStartWith("seeds 000, 003");
        capacity.Rationale.ShouldContain("Closing specialists exist");
        capacity.Rationale.ShouldContain("add capacity (about 1 person) or fix the hand-off to the specialists");

        var marketResponse = Of(RecommendationKind.AddMarketResponseRep);
        marketResponse.Source.ShouldStartWith("seed 003");
        marketResponse.Rationale.ShouldStartWith("About 300 inbound leads arrive a month (rule of thumb: 200 or more)");
        marketResponse.Rationale.ShouldContain("Market Response Rep");

        var sdr = Of(RecommendationKind.HireSdrBeforeNextAe);
        sdr.Source.ShouldStartWith("seed 003");
        sdr.Rationale.ShouldStartWith("3 reps have closing as their core job");
        sdr.Rationale.ShouldContain("Sales Development Rep");

        var missing = Of(RecommendationKind.MissingCoreRoles);
        missing.Source.ShouldStartWith("seed 001");
        missing.Rationale.ShouldStartWith("Only 2 of the four selling functions");
        missing.Rationale.ShouldContain("inbound qualification");
        missing.Rationale.ShouldContain("outbound prospecting");
        // Only the functions nobody owns are named.
        missing.Rationale.ShouldNotContain("closing", Case.Insensitive);
        missing.Rationale.ShouldNotContain("post-sales", Case.Insensitive);
    }

    [Theory]
    [InlineData(true, false, "This organisation has a very simple sales process (a one- or two-call close)", "generalists")]
    [InlineData(false, true, "This organisation is succeeding with generalists", "simple")]
    [InlineData(true, true, "This organisation has a very simple sales process and is succeeding with generalists", null)]
    public void The_caution_says_why_and_is_not_advisory_itself(bool simpleSales, bool generalists, string reason, string? notSaid)
    {
        var caution = new Scenario { SimpleSales = simpleSales, Generalists = generalists }
            .Rep("ana", Workload.Closing).Log("ana", 0, Closing(40))
            .Analyze()
            .Recommendations.Single(r => r.Kind == RecommendationKind.SpecializationCaution);

        caution.Advisory.ShouldBeFalse();
        caution.Source.ShouldStartWith("seed 001");
        caution.Rationale.ShouldStartWith(reason);
        caution.Rationale.ShouldContain("every other recommendation is advisory");
        if (notSaid is not null)
        {
            caution.Rationale.ShouldNotContain(notSaid);
        }
    }
}

using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

/// <summary>What the analyzer refuses before it counts anything, and how it reads the lead counts it is given.</summary>
public sealed class InputTests
{
    private static Scenario OneCloser(decimal threshold = 0.20m, decimal standardWeeklyHours = 40m) =>
        new Scenario { Threshold = threshold, StandardWeeklyHours = standardWeeklyHours }.Rep("ana", Workload.Closing).Log("ana", 0, Closing(40));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(20.0)]
    public void A_threshold_that_is_not_a_fraction_between_0_and_1_is_refused(decimal threshold)
    {
        Should.Throw<DomainRuleException>(() => OneCloser(threshold).Analyze()).Message
            .ShouldBe($"The threshold is a fraction between 0 and 1; got {threshold}.");
    }

    [Theory]
    [InlineData(0.0001)]
    [InlineData(0.9999)]
    public void Any_fraction_strictly_between_0_and_1_is_a_threshold(decimal threshold)
    {
        OneCloser(threshold).Analyze().Threshold.ShouldBe(threshold);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-40.0)]
    public void Standard_weekly_hours_of_0_or_less_are_refused(decimal hours)
    {
        Should.Throw<DomainRuleException>(() => OneCloser(standardWeeklyHours: hours).Analyze()).Message
            .ShouldBe($"Standard weekly hours must be more than 0; got {hours}.");
    }

    [Fact]
    public void Any_positive_standard_week_is_accepted()
    {
        OneCloser(standardWeeklyHours: 0.5m).Analyze().StandardWeeklyHours.ShouldBe(0.5m);
    }

    [Fact]
    public void A_rep_given_twice_is_refused_even_in_another_case()
    {
        var scenario = new Scenario().Rep("ana", Workload.Closing).Log("ana", 0, Closing(40)).Rep("ANA", Workload.PostSales);

        Should.Throw<DomainRuleException>(scenario.Analyze).Message.ShouldBe("Rep ana@acme.test appears more than once.");
    }

    [Fact]
    public void A_core_workload_outside_the_template_is_refused()
    {
        var scenario = new Scenario().Rep("ana", Workload.Closing).Rep("dg", Workload.DemandGeneration);

        Should.Throw<DomainRuleException>(scenario.Analyze).Message
            .ShouldBe("Rep dg@acme.test's core workload DemandGeneration is not part of the FourRoles template.");
    }

    [Fact]
    public void Counts_recorded_for_the_same_month_add_up()
    {
        // Two counts for September (say from two lead sources): 120 + 100 = 220 leads that month, over the 200 of the rule.
        var scenario = new Scenario().Rep("ana", Workload.Closing).Log("ana", 0, Closing(40));
        scenario.LeadCounts.AddRange([new MonthlyLeads(new DateOnly(2026, 9, 1), 120), new MonthlyLeads(new DateOnly(2026, 9, 20), 100)]);

        WorkloadAnalyzer.AverageMonthlyInboundLeads(scenario.Input).ShouldBe(220m);
        scenario.Analyze().Recommendations.Select(r => r.Kind).ShouldContain(RecommendationKind.AddMarketResponseRep);
    }

    [Fact]
    public void The_average_of_lead_counts_needs_an_input()
    {
        Should.Throw<ArgumentNullException>(() => WorkloadAnalyzer.AverageMonthlyInboundLeads(null!));
    }
}

using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

public sealed class FiguresTests
{
    [Theory]
    [InlineData(4.0, Focus.Focused)]
    [InlineData(4.01, Focus.Watch)]
    [InlineData(8.0, Focus.Watch)]
    [InlineData(8.01, Focus.Unfocused)]
    [InlineData(0.0, Focus.Focused)]
    public void Focus_follows_the_non_core_share(decimal nonCoreHours, Focus focus)
    {
        var result = new Scenario()
            .Rep("ana", Workload.Closing).Log("ana", 0, PostSales(nonCoreHours), Closing(30m - nonCoreHours), NonSelling(10))
            .Analyze();

        result.Reps.Single().Focus.ShouldBe(focus);
    }

    [Fact]
    public void Rep_shares_split_core_non_core_and_non_selling_time()
    {
        var result = new Scenario { Template = OrganizationTemplate.ThreeWorkloads }
            .Rep("ana", Workload.DemandGeneration, role: "Demand Generation Rep")
            .Log("ana", 0, Inbound(10), Outbound(14), Closing(6), NonSelling(10))
            .Analyze();

        var ana = result.Reps.Single();
        (ana.Hours, ana.CoreShare, ana.NonCoreShare, ana.NonSellingShare, ana.Focus)
            .ShouldBe((40m, 0.6m, 0.15m, 0.25m, Focus.Watch));
        ana.HoursByFunction.ShouldBe(new Dictionary<SalesFunction, decimal>
        {
            [SalesFunction.InboundQualification] = 10m,
            [SalesFunction.OutboundProspecting] = 14m,
            [SalesFunction.Closing] = 6m,
            [SalesFunction.PostSales] = 0m,
            [SalesFunction.NonSelling] = 10m,
        });
        (ana.Role, ana.Team, ana.CoreWorkload).ShouldBe(("Demand Generation Rep", "East", Workload.DemandGeneration));
    }

    [Fact]
    public void The_mix_covers_included_reps_per_workload_and_per_week()
    {
        var result = new Scenario { Weeks = 2 }
            .Rep("ana", Workload.Closing).Log("ana", 0, Inbound(10), Closing(20), NonSelling(10)).Log("ana", 1, Closing(30), NonSelling(10))
            .Rep("bo", Workload.PostSales).Log("bo", 1, PostSales(40))
            .Analyze();

        result.TotalHours.ShouldBe(120m);
        result.Workloads.Select(w => (w.Workload, w.Hours, w.Share)).ShouldBe(
        [
            (Workload.InboundQualification, 10m, 10m / 120m),
            (Workload.OutboundProspecting, 0m, 0m),
            (Workload.Closing, 50m, 50m / 120m),
            (Workload.PostSales, 40m, 40m / 120m),
        ]);
        result.NonSelling.ShouldBe(new HoursShare(20m, 20m / 120m));
        result.SellingShare.ShouldBe(1m - 20m / 120m);
        result.Weekly.Select(w => (w.Week.ToString(), w.TotalHours)).ShouldBe([("2026-W36", 40m), ("2026-W37", 80m)]);
        result.Weekly[0].Workloads.Single(w => w.Workload == Workload.InboundQualification).Share.ShouldBe(0.25m);
        result.Weekly[1].NonSelling.ShouldBe(new HoursShare(10m, 0.125m));
    }

    [Fact]
    public void Weeks_without_hours_are_missing_and_a_rep_without_any_hours_is_only_listed_there()
    {
        var result = new Scenario { Weeks = 3 }
            .Rep("ana", Workload.Closing).Log("ana", 0, Closing(40)).Log("ana", 2, Closing(40)).Log("ana", 1, Closing(0))
            .Rep("bo", Workload.Closing)
            .Rep("cy", Workload.Closing).LogEveryWeek("cy", Closing(40))
            .Rep("gone", Workload.Closing, active: false)
            .Rep("boss", Workload.Closing, analysed: false, role: "Sales Manager")
            .Analyze();

        result.Weeks.ShouldBe(3);
        result.Reps.Select(r => r.Email).ShouldBe(["ana@acme.test", "cy@acme.test"]);
        result.MissingTimesheets.Select(m => (m.Email, string.Join(",", m.Weeks))).ShouldBe(
        [
            ("ana@acme.test", "2026-W37"),
            ("bo@acme.test", "2026-W36,2026-W37,2026-W38"),
        ]);
    }

    [Fact]
    public void Reps_are_ordered_by_email()
    {
        var result = new Scenario()
            .Rep("Zoe", Workload.Closing).Log("Zoe", 0, Closing(1))
            .Rep("adam", Workload.Closing).Log("adam", 0, Closing(1))
            .Rep("Bea", Workload.Closing).Log("Bea", 0, Closing(1))
            .Analyze();

        result.Reps.Select(r => r.Name).ShouldBe(["Bea", "Zoe", "adam"]);
    }

    [Fact]
    public void An_empty_period_gives_zeros_not_errors()
    {
        var result = new Scenario().Rep("ana", Workload.Closing).Analyze();

        // Shares of nothing are 0, and sellingShare is 1 − the non-selling share, as the contract writes it.
        (result.TotalHours, result.SellingShare, result.Reps.Count).ShouldBe((0m, 1m, 0));
        result.Workloads.ShouldAllBe(w => w.Share == 0m);
        result.MissingTimesheets.Single().Email.ShouldBe("ana@acme.test");
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var input = new Scenario().Input with { To = Week1.AddWeeks(-1) };

        Should.Throw<SalesSpec.Domain.Common.DomainRuleException>(() => WorkloadAnalyzer.Analyze(input)).Message.ShouldContain("after it ends");
    }
}

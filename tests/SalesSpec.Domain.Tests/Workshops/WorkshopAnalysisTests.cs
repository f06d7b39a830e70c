using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Domain.Tests.Workshops;

/// <summary>Answers to the analyzer: percentages of the organisation's standard week (FTE 1), one week, its settings.</summary>
public sealed class WorkshopAnalysisTests
{
    private static readonly IsoWeek Week = IsoWeek.Of(2026, 50);

    private static readonly AnalysisInput Organization = new()
    {
        Template = OrganizationTemplate.FourRoles,
        Threshold = 0.20m,
        StandardWeeklyHours = 40m,
        From = IsoWeek.Of(2026, 1),
        To = IsoWeek.Of(2026, 12),
        Team = "Commercial",
        Reps = [new AnalysisRep("real@acme.test", "Real Rep", null, "Account Executive", Workload.Closing)],
        Hours = [new RepWeekHours("real@acme.test", IsoWeek.Of(2026, 1), SalesFunction.Closing, 40m)],
        InboundLeadsPerMonth = 150,
    };

    private static WorkshopRespondent Closer(string label, decimal inbound) => new(
        label, "Commercial", "Account Executive", Workload.Closing, true,
        [(SalesFunction.Closing, 100m - inbound - 10m), (SalesFunction.InboundQualification, inbound), (SalesFunction.NonSelling, 10m)]);

    [Fact]
    public void Percentages_become_hours_of_the_standard_week()
    {
        var respondent = new WorkshopRespondent("AR", null, "AE", Workload.Closing, true,
            [(SalesFunction.Closing, 37.5m), (SalesFunction.Closing, 12.5m), (SalesFunction.InboundQualification, 33.33m), (SalesFunction.NonSelling, 16.67m)]);

        var hours = WorkshopAnalysis.Hours(respondent, 40m);

        hours[SalesFunction.Closing].ShouldBe(20m);
        hours[SalesFunction.InboundQualification].ShouldBe(13.332m);
        hours[SalesFunction.NonSelling].ShouldBe(6.668m);
        hours.Values.Sum().ShouldBe(40m);
        Should.Throw<DomainRuleException>(() => WorkshopAnalysis.Hours(respondent, 0m));
    }

    [Fact]
    public void Each_answer_is_one_rep_in_the_workshops_week_with_the_organisations_settings()
    {
        var input = WorkshopAnalysis.Input([Closer("AR", 30m), Closer("BC", 25m)], Organization, Week);

        input.From.ShouldBe(Week);
        input.To.ShouldBe(Week);
        input.Team.ShouldBeNull();
        input.Summed.ShouldBeNull();
        input.Threshold.ShouldBe(0.20m);
        input.InboundLeadsPerMonth.ShouldBe(150);
        input.Reps.Select(rep => (rep.Email, rep.Name, rep.CoreWorkload)).ShouldBe([
            ("answer-1@workshop.invalid", "AR", Workload.Closing),
            ("answer-2@workshop.invalid", "BC", Workload.Closing),
        ]);
        input.Hours.ShouldAllBe(row => row.Week == Week);
        input.Hours.Where(row => row.Email == "answer-1@workshop.invalid").Sum(row => row.Hours).ShouldBe(40m);
        input.Hours.Single(row => row.Email == "answer-2@workshop.invalid" && row.Function == SalesFunction.InboundQualification).Hours.ShouldBe(10m);
    }

    [Fact]
    public void Inbound_work_above_the_line_in_the_answers_is_a_break_out_recommendation()
    {
        var above = WorkloadAnalyzer.Analyze(WorkshopAnalysis.Input([Closer("AR", 30m), Closer("BC", 25m), Closer("CD", 20m)], Organization, Week));
        var below = WorkloadAnalyzer.Analyze(WorkshopAnalysis.Input([Closer("AR", 10m), Closer("BC", 5m), Closer("CD", 15m)], Organization, Week));

        above.Recommendations.ShouldContain(r => r.Kind == RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification);
        below.Recommendations.ShouldNotContain(r => r.Kind == RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification);
    }

    [Fact]
    public void No_answers_is_an_empty_analysis()
    {
        var input = WorkshopAnalysis.Input([], Organization, Week);

        input.Reps.ShouldBeEmpty();
        input.Hours.ShouldBeEmpty();
        WorkloadAnalyzer.Analyze(input).TotalHours.ShouldBe(0m);
    }
}

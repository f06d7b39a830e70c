using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

public sealed class ReferenceFiguresTests
{
    [Fact]
    public void The_sdr_to_ae_ratio_counts_the_analysed_reps_by_core_job()
    {
        var result = new Scenario()
            .Rep("sam", Workload.OutboundProspecting).Log("sam", 0, Outbound(40))
            .Rep("ina", Workload.InboundQualification).Log("ina", 0, Inbound(40))
            .Rep("ann", Workload.Closing).Log("ann", 0, Closing(40))
            .Rep("bob", Workload.Closing).Log("bob", 0, Closing(40))
            .Rep("cid", Workload.Closing).Log("cid", 0, Closing(40))
            .Rep("dee", Workload.Closing).Log("dee", 0, Closing(40))
            .Rep("eve", Workload.Closing).Log("eve", 0, Closing(40))
            .Rep("off", Workload.Closing, active: false).Log("off", 0, Closing(40))
            .Analyze();

        var figure = ReferenceFigures.SdrToAe(result.Reps);

        figure.Key.ShouldBe("sdr-ae");
        figure.Published.ShouldBe("about 1 : 2.5");
        figure.Ours.ShouldBe("1 : 2.5 (2 SDRs, 5 AEs)");
        figure.Source.ShouldContain("TOPO");
    }

    [Fact]
    public void An_organisation_of_closers_only_has_no_sdrs_and_one_without_either_has_no_figure()
    {
        ReferenceFigures.SdrToAe(new Scenario().Rep("ann", Workload.Closing).Log("ann", 0, Closing(40)).Analyze().Reps)
            .Ours.ShouldBe("no SDRs for 1 AE");
        ReferenceFigures.SdrToAe([]).Ours.ShouldBeNull();
    }

    [Fact]
    public void Inbound_leads_come_from_the_same_figure_the_analyzer_uses()
    {
        var scenario = new Scenario { InboundLeadsPerMonth = 1234 }.Rep("ann", Workload.Closing).Log("ann", 0, Closing(40));
        var input = scenario.Input;

        var figures = ReferenceFigures.ForAnalysis(input, WorkloadAnalyzer.Analyze(input));

        figures.Select(f => f.Key).ShouldBe(["sdr-ae", "inbound-leads"]);
        figures[1].Ours.ShouldBe("1,234");
        figures[1].Published.ShouldContain("200");
        ReferenceFigures.InboundLeads(null).Ours.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(6, null, "AE 6 months")]
    [InlineData(1, 2, "AE 1 month, SDR 2 months")]
    public void Ramp_shows_the_organisations_months_beside_the_bridge_group_figures(int? ae, int? sdr, string? ours)
    {
        var figure = ReferenceFigures.Ramp(ae, sdr);

        figure.Ours.ShouldBe(ours);
        figure.Published.ShouldBe("AE about 5 months, SDR about 3");
        figure.Source.ShouldContain("Bridge Group");
    }

    [Fact]
    public void Only_inbound_recommendations_get_the_first_hour_figure()
    {
        Recommendation Of(RecommendationKind kind, Workload? workload) => new(kind, workload, null, null, null, null, null, false, "r", "s");

        ReferenceFigures.IsAboutInbound(Of(RecommendationKind.AddMarketResponseRep, Workload.InboundQualification)).ShouldBeTrue();
        ReferenceFigures.IsAboutInbound(Of(RecommendationKind.SplitOutRole, Workload.InboundQualification)).ShouldBeTrue();
        ReferenceFigures.IsAboutInbound(Of(RecommendationKind.SplitOutRole, Workload.Closing)).ShouldBeFalse();
        ReferenceFigures.AnswerWithinTheHour.Source.ShouldContain("2011");
    }
}

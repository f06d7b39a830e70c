using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.Tests.Analysis;

/// <summary>A small analysis result written by hand, so that every figure in a written file can be checked.</summary>
internal static class AnalysisSample
{
    public static AnalysisResult Result()
    {
        WorkloadFigure[] workloads =
        [
            new(Workload.InboundQualification, [SalesFunction.InboundQualification], 20m, 0.25m),
            new(Workload.Closing, [SalesFunction.Closing], 44.5m, 0.55625m),
        ];
        return new AnalysisResult(
            IsoWeek.Parse("2026-W45"),
            IsoWeek.Parse("2026-W46"),
            2,
            OrganizationTemplate.FourRoles,
            0.2m,
            40m,
            80m,
            0.80625m,
            workloads,
            new HoursShare(15.5m, 0.19375m),
            [new WeekMix(IsoWeek.Parse("2026-W45"), 40m, workloads, new HoursShare(7.5m, 0.1875m))],
            [
                new RepFigures("ana@acme.test", "=Ana", "East", "Full-Cycle Rep", Workload.Closing, 60.12345m, 0.5m, 0.3333333333m, 0.1666666667m, Focus.Unfocused,
                    new Dictionary<SalesFunction, decimal>
                    {
                        [SalesFunction.NonSelling] = 10m,
                        [SalesFunction.Closing] = 30m,
                        [SalesFunction.InboundQualification] = 20.12345m,
                    }),
                new RepFigures("bo@acme.test", "Bo", null, "Account Executive", Workload.Closing, 20m, 1m, 0m, 0m, Focus.Focused,
                    new Dictionary<SalesFunction, decimal> { [SalesFunction.Closing] = 20m }),
            ],
            [
                new Recommendation(RecommendationKind.SplitOutRole, Workload.InboundQualification, 0.25m, 10m, 0.25m, 1, ["ana@acme.test"], false,
                    "Reps outside inbound qualification spend 25% of their time on it (threshold 20%).", "seed 003"),
                new Recommendation(RecommendationKind.SpecializationCaution, null, null, null, null, null, null, true, "It's small — be careful.", "seed 010"),
            ],
            [new MissingTimesheet("bo@acme.test", [IsoWeek.Parse("2026-W46")])]);
    }
}

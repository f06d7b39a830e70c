using System.Text.Json;
using CsCheck;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests.Analysis;

/// <summary>The invariants at the end of analyzer.md, on random organisations.</summary>
public sealed class InvariantTests
{
    private static readonly IsoWeek From = IsoWeek.Parse("2026-W01");
    private static readonly decimal[] Factors = [0.5m, 2m, 3m, 7.25m];

    private static readonly Gen<AnalysisInput> Inputs =
        from template in Gen.Enum<OrganizationTemplate>()
        from threshold in Gen.Int[10, 30]
        from weeks in Gen.Int[1, 6]
        from repCount in Gen.Int[1, 8]
        from cores in Gen.Int[0, 9].Array[repCount]
        from active in Gen.Bool.Array[repCount]
        from hours in Gen.Int[0, 1200].Array[repCount * weeks * 5]
        from leads in Gen.Int[0, 400]
        from simple in Gen.Bool
        select Build(template, threshold / 100m, weeks, cores, active, hours, leads, simple);

    private static AnalysisInput Build(
        OrganizationTemplate template, decimal threshold, int weeks, int[] cores, bool[] active, int[] hours, int leads, bool simple)
    {
        var workloads = Templates.WorkloadsOf(template);
        var reps = cores
            .Select((c, i) => new AnalysisRep($"r{i:D2}@acme.test", $"Rep {i}", i % 2 == 0 ? "East" : "West", "Role",
                workloads[c % workloads.Count], IsActive: active[i] || i == 0, IsAnalysed: c != 9))
            .ToList();
        var rows = new List<RepWeekHours>();
        for (var r = 0; r < reps.Count; r++)
        {
            for (var w = 0; w < weeks; w++)
            {
                for (var f = 0; f < 5; f++)
                {
                    // Mostly zeros and small numbers, with two decimals, so boundaries and empty weeks happen.
                    var value = hours[(r * weeks + w) * 5 + f];
                    rows.Add(new RepWeekHours(reps[r].Email, From.AddWeeks(w), (SalesFunction)f, value > 900 ? 0m : value / 50m));
                }
            }
        }
        return new AnalysisInput
        {
            Template = template,
            Threshold = threshold,
            From = From,
            To = From.AddWeeks(weeks - 1),
            Reps = reps,
            Hours = rows,
            InboundLeadsPerMonth = leads,
            HasSimpleSalesProcess = simple,
        };
    }

    private static string Json(AnalysisResult result) => JsonSerializer.Serialize(result);

    [Fact]
    public void Shares_of_the_mix_sum_to_one()
    {
        Inputs.Sample(input =>
        {
            var result = WorkloadAnalyzer.Analyze(input);
            if (result.TotalHours == 0)
            {
                return true;
            }
            var sum = result.Workloads.Sum(w => w.Share) + result.NonSelling.Share;
            return Math.Abs(sum - 1m) < 1e-9m && result.Weekly.All(w => w.TotalHours == 0 || Math.Abs(w.Workloads.Sum(x => x.Share) + w.NonSelling.Share - 1m) < 1e-9m);
        });
    }

    [Fact]
    public void Moving_only_the_line_gives_what_a_full_analysis_at_that_line_gives()
    {
        // The what-if slider re-runs only the part the line decides; every figure must equal a full run's.
        Inputs.SelectMany(input => Gen.Int[5, 45].Select(line => (input, line: line / 100m)))
            .Sample(x =>
            {
                var moved = x.input with { Threshold = x.line };
                return Json(WorkloadAnalyzer.AtThreshold(WorkloadAnalyzer.Analyze(x.input), moved)) == Json(WorkloadAnalyzer.Analyze(moved));
            });
    }

    [Fact]
    public void Shuffling_the_rows_changes_nothing()
    {
        Inputs.SelectMany(input => Gen.Shuffle(input.Hours.ToArray()).Select(rows => (input, rows)))
            .Sample(x => Json(WorkloadAnalyzer.Analyze(x.input)) == Json(WorkloadAnalyzer.Analyze(x.input with { Hours = x.rows, Reps = x.input.Reps.Reverse().ToList() })));
    }

    [Fact]
    public void Scaling_every_hour_changes_no_share_focus_or_kind()
    {
        Inputs.SelectMany(input => Gen.Int[0, Factors.Length - 1].Select(i => Factors[i]).Select(k => (input, k)))
            .Sample(x =>
            {
                var before = WorkloadAnalyzer.Analyze(x.input);
                var after = WorkloadAnalyzer.Analyze(x.input with { Hours = x.input.Hours.Select(h => h with { Hours = h.Hours * x.k }).ToList() });
                static bool Same(decimal a, decimal b) => Math.Abs(a - b) < 1e-20m;
                return before.Recommendations.Select(r => (r.Kind, r.Workload)).SequenceEqual(after.Recommendations.Select(r => (r.Kind, r.Workload)))
                    && before.Reps.Select(r => r.Focus).SequenceEqual(after.Reps.Select(r => r.Focus))
                    && before.Reps.Zip(after.Reps).All(p => Same(p.First.CoreShare, p.Second.CoreShare) && Same(p.First.NonCoreShare, p.Second.NonCoreShare))
                    && before.Workloads.Zip(after.Workloads).All(p => Same(p.First.Share, p.Second.Share))
                    && before.Recommendations.Zip(after.Recommendations).All(p =>
                        p.First.WeeklyHours is null || (Same(p.First.WeeklyHours.Value * x.k, p.Second.WeeklyHours!.Value)
                            && Same(p.First.FteEquivalent!.Value * x.k, p.Second.FteEquivalent!.Value) && Same(p.First.Share!.Value, p.Second.Share!.Value)));
            });
    }

    [Fact]
    public void Adding_core_hours_never_makes_a_rule_fire()
    {
        Inputs.SelectMany(input => Gen.Int[0, input.Reps.Count - 1].SelectMany(r => Gen.Int[1, 4000].Select(h => (input, r, h))))
            .Sample(x =>
            {
                var rep = x.input.Reps[x.r];
                var coreFunction = Templates.FunctionsOf(rep.CoreWorkload)[0];
                var more = x.input with { Hours = [.. x.input.Hours, new RepWeekHours(rep.Email, From, coreFunction, x.h / 100m)] };
                var before = WorkloadAnalyzer.Analyze(x.input).Recommendations.Select(r => (r.Kind, r.Workload)).ToHashSet();
                var after = WorkloadAnalyzer.Analyze(more).Recommendations.Select(r => (r.Kind, r.Workload));
                return after.All(before.Contains);
            });
    }
}

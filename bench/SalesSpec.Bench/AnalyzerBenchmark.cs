using System.Diagnostics;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Bench;

/// <summary>
/// The analyzer alone on an organisation's summed hours (what the database hands it): a full run, and the what-if
/// slider's run of only the part the 80/20 line decides.
/// </summary>
internal static class AnalyzerBenchmark
{
    public static int Run(int reps, int weeks, int runs)
    {
        var to = SyntheticOrganization.LastWeek;
        var from = to.AddWeeks(-(weeks - 1));
        var random = new Random(42);
        var people = Enumerable.Range(0, reps).Select(SyntheticOrganization.Rep).ToList();
        var roles = Templates.DefaultRoles(OrganizationTemplate.FourRoles).ToDictionary(r => r.Name, r => r);
        var input = new AnalysisInput
        {
            Template = OrganizationTemplate.FourRoles,
            From = from,
            To = to,
            Reps = people.Select(p => new AnalysisRep(p.Email, p.Name, p.Team, p.Role, roles[p.Role].CoreWorkload, true, roles[p.Role].IsAnalysed)).ToList(),
            Summed = new PeriodHours(
                people.Select(p => new RepPeriodHours(p.Email, Enumerable.Range(0, 5).Select(_ => random.Next(0, 400_000) / 100m).ToList(), [])).ToList(),
                Enumerable.Range(0, weeks).Select(w => new WeekHours(from.AddWeeks(w), Enumerable.Range(0, 5).Select(_ => random.Next(0, 40_000_000) / 100m).ToList())).ToList()),
        };
        var full = new List<double>();
        var line = new List<double>();
        AnalysisResult result = null!;
        for (var i = -2; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = WorkloadAnalyzer.Analyze(input);
            var analyzed = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = WorkloadAnalyzer.AtThreshold(result, input with { Threshold = 0.12m + 0.02m * (i + 2) });
            var moved = watch.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                full.Add(analyzed);
                line.Add(moved);
            }
        }
        Console.WriteLine($"Analyzer on summed hours ({reps:N0} reps x {weeks} weeks): full run {Median(full):F1} ms; the 80/20 line moved {Median(line):F1} ms (target < 50) · {result.Reps.Count:N0} reps analysed");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

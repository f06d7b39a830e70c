using System.Diagnostics;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Bench;

/// <summary>
/// One move on the scenario board: the scenario maths (allocation, the analyzer re-run, twelve months
/// of capacity) for an organisation of N reps, in memory, as the board recomputes it on every move,
/// then the board's cards and the capped selection it draws.
/// </summary>
internal static class ScenarioBenchmark
{
    public static int Run(int reps, int runs)
    {
        var random = new Random(42);
        var roles = Organization.Create("Bench").Roles
            .Select(r => new ScenarioRole(r.Name, r.CoreWorkload, r.IsAnalysed, r.AnnualLoadedCost ?? 0m, r.RampMonths)).ToList();
        string[] current = ["Account Executive", "Full-Cycle Rep", "Account Manager"];
        var baseline = new ScenarioBaseline
        {
            Template = OrganizationTemplate.FourRoles,
            From = IsoWeek.Parse("2026-W36"),
            To = IsoWeek.Parse("2026-W47"),
            Roles = roles,
            Reps = Enumerable.Range(0, reps).Select(i => new ScenarioRep($"rep{i}@bench.test", $"Rep {i}", null, current[i % current.Length],
                Enum.GetValues<SalesFunction>().ToDictionary(f => f, _ => (decimal)random.Next(0, 120) / 10m))).ToList(),
        };
        // Every tenth rep moves to Market Response Rep, two lines of hires: a workshop-sized plan on a large organisation.
        var plan = new ScenarioPlan(
            baseline.Reps.Where((_, i) => i % 10 == 0).ToDictionary(r => r.Email, _ => "Market Response Rep"),
            [new ScenarioHire("Sales Development Rep", 5, false, 1), new ScenarioHire("Account Executive", 3, true, 2)]);

        var candidates = new Dictionary<string, List<Workload>>(StringComparer.OrdinalIgnoreCase);
        BoardView.Select(BoardView.Cards(baseline, plan.Roles, candidates, ScenarioModel.Evaluate(baseline, plan)), null, null); // warm-up
        var times = new List<double>();
        var boardTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = ScenarioModel.Evaluate(baseline, plan);
            var maths = watch.Elapsed.TotalMilliseconds;
            var drawn = BoardView.Select(BoardView.Cards(baseline, plan.Roles, candidates, outcome), null, null).Shown.Count;
            var board = watch.Elapsed.TotalMilliseconds - maths;
            times.Add(maths);
            boardTimes.Add(board);
            Console.WriteLine($"  run {i + 1}: {reps:N0} reps, {outcome.People.Count:N0} people, {outcome.Recommendations.Count} rules firing: {maths:F1} ms; board {board:F1} ms, {drawn:N0} cards drawn");
        }
        Console.WriteLine($"Median: {DatabaseBenchmark.Median(times):F1} ms per move for {reps:N0} reps (target < 200 ms at 1,000 reps); cards and selection {DatabaseBenchmark.Median(boardTimes):F1} ms");
        return 0;
    }
}

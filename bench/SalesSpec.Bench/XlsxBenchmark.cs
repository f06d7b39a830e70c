using System.Diagnostics;
using System.Globalization;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Bench;

/// <summary>
/// The Excel export's memory at 100k and 1M time-log rows: each size is written in its own process (the real
/// <see cref="WorkbookExport"/>, rows streamed as the database would stream them), and the peak resident memory
/// (VmHWM) of each is compared. Target: peak at 1M ÷ peak at 100k ≤ 1.2, i.e. memory flat in rows.
/// </summary>
internal static class XlsxBenchmark
{
    public static int Run(int runs)
    {
        var sizes = new[] { (Name: "100k", Reps: 100), (Name: "1M", Reps: 1000) };
        var peaks = sizes.ToDictionary(s => s.Name, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var (name, reps) in sizes)
            {
                var program = Path.Combine(AppContext.BaseDirectory, "SalesSpec.Bench.dll");
                var (seconds, peak, output) = PeakMemory.Run(new ProcessStartInfo("dotnet", ["exec", program, "xlsx-once", reps.ToString(CultureInfo.InvariantCulture)]));
                peaks[name].Add(peak);
                Console.WriteLine($"  run {i + 1}: {name,4} {output.Trim()} in {seconds,6:F1} s, peak memory {peak,6:F0} MB");
            }
        }
        var small = DatabaseBenchmark.Median(peaks["100k"]);
        var large = DatabaseBenchmark.Median(peaks["1M"]);
        Console.WriteLine($"Median peak: 100k {small:F0} MB, 1M {large:F0} MB; ratio {large / small:F2} (target <= 1.2)");
        return large / small <= 1.2 ? 0 : 1;
    }

    /// <summary>One export of <paramref name="reps"/> reps × 100 weeks × 10 activities to a temporary file; prints rows and size.</summary>
    public static async Task<int> WriteOnceAsync(int reps)
    {
        var data = new SyntheticOrganization(reps, 100, 10);
        var result = WorkloadAnalyzer.Analyze(new AnalysisInput
        {
            Template = OrganizationTemplate.FourRoles,
            From = data.FirstWeek,
            To = SyntheticOrganization.LastWeek,
            Reps = [],
            Hours = [],
        });
        var rows = 0;
        async IAsyncEnumerable<TimeLogCsvRecord> Logs()
        {
            foreach (var (rep, week, activity, hours) in data.Logs())
            {
                var (email, name, team, role) = SyntheticOrganization.Rep(rep);
                var definition = data.Activities[activity];
                rows++;
                yield return new TimeLogCsvRecord(week, email, name, team, role, definition.Name, definition.Function, hours);
            }
            await Task.CompletedTask;
        }
        var path = Path.Combine(Path.GetTempPath(), $"salesspec-bench-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                await WorkbookExport.WriteAsync("Synthetic", result, Logs(), file);
            }
            Console.WriteLine($"{rows,9:N0} rows, {new FileInfo(path).Length / 1e6,5:F1} MB file");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

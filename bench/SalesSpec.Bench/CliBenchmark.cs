using System.Diagnostics;

namespace SalesSpec.Bench;

/// <summary>
/// The real command line on a ~1M-row CSV and on a ~2M-row CSV with the same reps and weeks (every
/// line twice): rows per second and peak resident memory (VmHWM) of the process.
/// </summary>
internal static class CliBenchmark
{
    public static int Run(SyntheticOrganization data, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("salesspec-bench-").FullName;
        try
        {
            var one = Path.Combine(folder, "1x.csv");
            var two = Path.Combine(folder, "2x.csv");
            using (var writer = new StreamWriter(one))
            {
                data.WriteCsv(writer);
            }
            var lines = File.ReadLines(one).Skip(1).ToList();
            File.WriteAllLines(two, [File.ReadLines(one).First(), .. lines, .. lines]);
            Console.WriteLine($"Files: {lines.Count:N0} rows ({new FileInfo(one).Length / 1e6:F0} MB) and {2 * lines.Count:N0} rows ({new FileInfo(two).Length / 1e6:F0} MB)");

            var results = new Dictionary<string, (List<double> Seconds, List<double> PeakMb)>();
            for (var i = 0; i < runs; i++)
            {
                foreach (var (name, path, rows) in new[] { ("1x", one, lines.Count), ("2x", two, 2 * lines.Count) })
                {
                    var (seconds, peak) = Measure(path);
                    if (!results.TryGetValue(name, out var r))
                    {
                        r = ([], []);
                        results[name] = r;
                    }
                    r.Seconds.Add(seconds);
                    r.PeakMb.Add(peak);
                    Console.WriteLine($"  run {i + 1}: {name} {rows,10:N0} rows in {seconds,6:F2} s = {rows / seconds,10:N0} rows/s, peak memory {peak,6:F0} MB");
                }
            }
            var onePeak = DatabaseBenchmark.Median(results["1x"].PeakMb);
            var twoPeak = DatabaseBenchmark.Median(results["2x"].PeakMb);
            Console.WriteLine($"Median: 1x {lines.Count / DatabaseBenchmark.Median(results["1x"].Seconds):N0} rows/s, peak {onePeak:F0} MB; " +
                              $"2x {2 * lines.Count / DatabaseBenchmark.Median(results["2x"].Seconds):N0} rows/s, peak {twoPeak:F0} MB; " +
                              $"peak ratio {twoPeak / onePeak:F2} (target <= 1.2)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Seconds, double PeakMb) Measure(string csv)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "salesspec.dll");
        var (seconds, peak, _) = PeakMemory.Run(new ProcessStartInfo("dotnet", ["exec", program, "analyze", csv, "--json"]));
        return (seconds, peak);
    }
}

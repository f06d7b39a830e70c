using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Bench;

/// <summary>
/// The time-log CSV import on PostgreSQL against a raw Npgsql binary COPY of the same rows into the
/// same table, interleaved in one run (the speed ratio); and the import's peak memory on a ~1M-row
/// file against a ~2M-row file, each in a process of its own.
/// </summary>
internal static class ImportBenchmark
{
    private const string Database = "salesspec_bench_import";

    public static async Task<int> RunAsync(string adminConnectionString, SyntheticOrganization data, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("salesspec-bench-import-").FullName;
        try
        {
            var one = Path.Combine(folder, "1x.csv");
            var two = Path.Combine(folder, "2x.csv");
            await using (var writer = new StreamWriter(one))
            {
                data.WriteCsv(writer);
            }
            var lines = File.ReadLines(one).Skip(1).ToList();
            await File.WriteAllLinesAsync(two, [File.ReadLines(one).First(), .. lines, .. lines]);
            Console.WriteLine($"Files: {lines.Count:N0} rows ({new FileInfo(one).Length / 1e6:F0} MB) and {2 * lines.Count:N0} rows ({new FileInfo(two).Length / 1e6:F0} MB)");
            lines = null;

            await SpeedAsync(adminConnectionString, data, one, runs);
            Memory(adminConnectionString, one, two, Math.Max(1, runs / 2));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SpeedAsync(string adminConnectionString, SyntheticOrganization data, string csv, int runs)
    {
        var (services, connectionString) = await StartAsync(adminConnectionString);
        await using (services)
        {
            var factory = services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();
            // The reps exist already, so both sides write exactly the same time-log rows.
            var (organizationId, reps, activityIds) = await DatabaseBenchmark.SeedRepsAsync(factory, data);
            var repIds = reps.Select(r => r.Id).ToArray();
            var member = new MemberAccess("bench", organizationId, "Synthetic", MemberRole.Admin, null, new HashSet<int>());
            var imports = services.GetRequiredService<TimeLogImportService>();

            var copies = new List<double>();
            var importsTimes = new List<double>();
            for (var i = -1; i < runs; i++)
            {
                await TruncateAsync(connectionString);
                var watch = Stopwatch.StartNew();
                var copied = await DatabaseBenchmark.CopyTimeLogsAsync(connectionString, data, repIds, activityIds);
                var copy = watch.Elapsed.TotalSeconds;

                await TruncateAsync(connectionString);
                watch.Restart();
                TimeLogImportReport report;
                await using (var file = File.OpenRead(csv))
                {
                    report = await imports.ImportAsync(member, file, dryRun: false);
                }
                var import = watch.Elapsed.TotalSeconds;
                if (!report.Imported)
                {
                    throw new InvalidOperationException($"The import failed: {string.Join("; ", report.Errors.Take(5))}");
                }
                if (i >= 0)
                {
                    copies.Add(copy);
                    importsTimes.Add(import);
                }
                Console.WriteLine($"  run {i + 1}: raw COPY {copied:N0} rows in {copy:F2} s ({copied / copy:N0} rows/s) · import {report.RowsRead:N0} rows in {import:F2} s ({report.RowsRead / import:N0} rows/s){(i < 0 ? " (warm-up)" : "")}");
            }
            var copyMedian = DatabaseBenchmark.Median(copies);
            var importMedian = DatabaseBenchmark.Median(importsTimes);
            Console.WriteLine($"Median: raw COPY {copyMedian:F2} s, import {importMedian:F2} s; import speed = {copyMedian / importMedian:F2}x raw COPY (target >= 0.66x, aiming at 0.8x)");
        }
    }

    private static void Memory(string adminConnectionString, string one, string two, int runs)
    {
        var peaks = new Dictionary<string, List<double>> { ["1x"] = [], ["2x"] = [] };
        for (var i = 0; i < runs; i++)
        {
            foreach (var (name, path) in new[] { ("1x", one), ("2x", two) })
            {
                var (seconds, peak, output) = Measure(adminConnectionString, path);
                peaks[name].Add(peak);
                Console.WriteLine($"  memory run {i + 1}: {name} import in its own process: {output.Trim()}; {seconds:F1} s, peak memory {peak:F0} MB");
            }
        }
        var onePeak = DatabaseBenchmark.Median(peaks["1x"]);
        var twoPeak = DatabaseBenchmark.Median(peaks["2x"]);
        Console.WriteLine($"Median peak memory: 1x {onePeak:F0} MB, 2x {twoPeak:F0} MB; ratio {twoPeak / onePeak:F2} (target <= 1.2)");
    }

    /// <summary>One import into a fresh database, for a process of its own (the memory measurement).</summary>
    public static async Task<int> ImportOnceAsync(string adminConnectionString, string csv)
    {
        var (services, _) = await StartAsync(adminConnectionString);
        await using (services)
        {
            var factory = services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();
            int organizationId;
            await using (var db = await factory.CreateDbContextAsync())
            {
                var organization = Organization.Create("Synthetic");
                db.Organizations.Add(organization);
                await db.SaveChangesAsync();
                organizationId = organization.Id;
            }
            var member = new MemberAccess("bench", organizationId, "Synthetic", MemberRole.Admin, null, new HashSet<int>());
            await using var file = File.OpenRead(csv);
            var report = await services.GetRequiredService<TimeLogImportService>().ImportAsync(member, file, dryRun: false);
            if (!report.Imported)
            {
                await Console.Error.WriteLineAsync($"The import failed: {string.Join("; ", report.Errors.Take(5))}");
                return 1;
            }
            Console.WriteLine($"{report.RowsRead:N0} rows, {report.RepsCreated:N0} reps created, {report.WeeksReplaced:N0} rep-weeks");
            return 0;
        }
    }

    private static (double Seconds, double PeakMb, string Output) Measure(string adminConnectionString, string csv)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "SalesSpec.Bench.dll");
        var (seconds, peak, output) = PeakMemory.Run(new ProcessStartInfo("dotnet", ["exec", program, "import-once", csv])
        {
            Environment = { ["SALESSPEC_BENCH_POSTGRES"] = adminConnectionString },
        });
        return (seconds, peak, output.Split('\n').LastOrDefault(l => l.Length > 0 && l[0] != '[') ?? "");
    }

    private static async Task<(ServiceProvider Services, string ConnectionString)> StartAsync(string adminConnectionString)
    {
        var connectionString = await DatabaseBenchmark.RecreateDatabaseAsync(adminConnectionString, Database);
        var services = await DatabaseBenchmark.ServicesAsync(connectionString, more => more
            .AddSingleton(NullLogger<TimeLogImportService>.Instance)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new ImportOptions()))
            .AddSingleton<TimeLogImportService>());
        return (services, connectionString);
    }

    private static async Task TruncateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE \"TimeLogs\"; CHECKPOINT", connection);
        await truncate.ExecuteNonQueryAsync();
    }
}

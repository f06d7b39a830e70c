using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using NpgsqlTypes;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Setup;

namespace SalesSpec.Bench;

/// <summary>
/// The analysis end to end (SQL aggregation through EF + the analyzer) against a hand-written SQL
/// GROUP BY over the same rows, on PostgreSQL, interleaved, medians of several runs.
/// </summary>
internal static class DatabaseBenchmark
{
    private const string Baseline = """
        SELECT t."RepId", t."WeekStart", a."Function", SUM(t."Hours")
        FROM "TimeLogs" t
        JOIN "Reps" r ON r."Id" = t."RepId"
        JOIN "Activities" a ON a."Id" = t."ActivityId"
        WHERE r."OrganizationId" = @organization AND t."WeekStart" >= @from AND t."WeekStart" <= @to
        GROUP BY t."RepId", t."WeekStart", a."Function"
        """;

    public static async Task<int> RunAsync(string adminConnectionString, SyntheticOrganization data, int runs)
    {
        var connectionString = await RecreateDatabaseAsync(adminConnectionString, "salesspec_bench");
        await using var services = await ServicesAsync(connectionString, more => more.AddSingleton<AnalysisService>());
        var factory = services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();

        var seeding = Stopwatch.StartNew();
        var (organizationId, rows) = await SeedAsync(factory, connectionString, data);
        Console.WriteLine($"Seeded {rows:N0} time-log rows for {data.Reps:N0} reps in {seeding.Elapsed.TotalSeconds:F1} s");

        var analysis = services.GetRequiredService<AnalysisService>();
        var member = new MemberAccess("bench", organizationId, "Synthetic", MemberRole.Leader, null, new HashSet<int>());
        var endToEnd = new List<double>();
        var handWritten = new List<double>();
        var aggregateRows = 0;
        for (var i = -2; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await analysis.AnalyzeAsync(member, data.FirstWeek, SyntheticOrganization.LastWeek);
            var e2e = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            aggregateRows = await HandWrittenAsync(connectionString, organizationId, data);
            var sql = watch.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                endToEnd.Add(e2e);
                handWritten.Add(sql);
            }
            Console.WriteLine($"  run {i + 1,2}: end to end {e2e,8:F0} ms · SQL GROUP BY {sql,8:F0} ms · {outcome.Result!.Reps.Count} reps, {outcome.Result.Recommendations.Count} recommendations");
        }

        var e2eMedian = Median(endToEnd);
        var sqlMedian = Median(handWritten);
        Console.WriteLine($"Aggregate rows: {aggregateRows:N0}");
        Console.WriteLine($"Median end to end: {e2eMedian:F0} ms; median hand-written SQL GROUP BY: {sqlMedian:F0} ms; ratio {e2eMedian / sqlMedian:F2}x (target <= 1.5x)");

        // The dashboard: the same analysis plus its headline figures; the what-if slider re-runs only the analyzer.
        var dashboard = new List<double>();
        var whatIf = new List<double>();
        AnalysisOutcome? last = null;
        for (var i = -1; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await analysis.AnalyzeAsync(member, data.FirstWeek, SyntheticOrganization.LastWeek);
            _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(last.Result!);
            var page = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var moved = SalesSpec.Domain.Analysis.WorkloadAnalyzer.Analyze(last.Input! with { Threshold = 0.10m + 0.02m * (i + 1) });
            _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(moved);
            var slider = watch.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                dashboard.Add(page);
                whatIf.Add(slider);
            }
        }
        Console.WriteLine($"Dashboard ({data.Reps:N0} reps x {data.Weeks} weeks): median server time {Median(dashboard):F0} ms (target < 1000 ms); threshold slider median {Median(whatIf):F0} ms (target < 200 ms)");

        // A team's dashboard: the hours of the rep-weeks spent in that team (a join on the team history).
        var teamName = (await services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>().CreateDbContextAsync()).ScopeTo(organizationId)
            .Teams.OrderBy(t => t.Id).Select(t => t.Name).First();
        var team = new List<double>();
        for (var i = -1; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await analysis.AnalyzeAsync(member, data.FirstWeek, SyntheticOrganization.LastWeek, teamName);
            if (i >= 0)
            {
                team.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (i == runs - 1)
            {
                Console.WriteLine($"Team dashboard ({teamName}, {outcome.Result!.Reps.Count} reps): median server time {Median(team):F0} ms");
            }
        }
        Console.WriteLine("Week pages (server time):");
        await WeekBenchmark.RunAsync(factory, organizationId, runs);
        return 0;
    }

    private static async Task<int> HandWrittenAsync(string connectionString, int organizationId, SyntheticOrganization data)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Baseline, connection);
        command.Parameters.AddWithValue("organization", organizationId);
        command.Parameters.AddWithValue("from", data.FirstWeek.Monday);
        command.Parameters.AddWithValue("to", SyntheticOrganization.LastWeek.Monday);
        var rows = new List<(int, DateOnly, string, decimal)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetDecimal(3)));
        }
        return rows.Count;
    }

    /// <summary>The app's services on a PostgreSQL database, migrated; <paramref name="more"/> adds the services a benchmark measures.</summary>
    internal static async Task<ServiceProvider> ServicesAsync(string connectionString, Action<IServiceCollection> more)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:SalesSpec"] = connectionString,
            ["Demo:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section))
            .AddSalesSpecDatabase(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddSingleton<OrganizationAccess>();
        more(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return provider;
    }

    /// <summary>The synthetic organisation and its reps, without time logs; the reps in index order, and the activities' ids.</summary>
    internal static async Task<(int OrganizationId, List<Rep> Reps, int[] ActivityIds)> SeedRepsAsync(
        IDbContextFactory<SalesSpecDbContext> factory, SyntheticOrganization data)
    {
        await using var db = await factory.CreateDbContextAsync();
        var organization = Organization.Create("Synthetic");
        var teams = new Dictionary<string, Team>();
        var roles = organization.Roles.ToDictionary(r => r.Name);
        var reps = new List<Rep>();
        for (var i = 0; i < data.Reps; i++)
        {
            var (email, name, team, role) = SyntheticOrganization.Rep(i);
            if (!teams.TryGetValue(team, out var t))
            {
                t = organization.AddTeam(team);
                teams[team] = t;
            }
            reps.Add(Rep.Create(name, email, roles[role], t));
        }
        db.Organizations.Add(organization);
        db.Reps.AddRange(reps);
        await db.SaveChangesAsync();
        return (organization.Id, reps, data.Activities.Select(a => organization.Activities.Single(x => x.Name == a.Name).Id).ToArray());
    }

    private static async Task<(int OrganizationId, long Rows)> SeedAsync(
        IDbContextFactory<SalesSpecDbContext> factory, string connectionString, SyntheticOrganization data)
    {
        var (organizationId, reps, activityIds) = await SeedRepsAsync(factory, data);

        var count = await CopyTimeLogsAsync(connectionString, data, reps.Select(r => r.Id).ToArray(), activityIds);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return (organizationId, count);
    }

    /// <summary>
    /// Every synthetic time log straight into <c>TimeLogs</c> by binary COPY, the fastest way Npgsql
    /// offers (synchronous writes, as the app's import makes): the seed, and the import benchmark's baseline.
    /// </summary>
    internal static async Task<long> CopyTimeLogsAsync(string connectionString, SyntheticOrganization data, int[] repIds, int[] activityIds)
    {
        // Completing a COPY of a million rows can take longer than the default 30 s on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        long count = 0;
        using var writer = connection.BeginBinaryImport(
            "COPY \"TimeLogs\" (\"RepId\", \"ActivityId\", \"WeekStart\", \"Hours\") FROM STDIN (FORMAT BINARY)");
        foreach (var (rep, week, activity, hours) in data.Logs())
        {
            writer.StartRow();
            writer.Write(repIds[rep], NpgsqlDbType.Integer);
            writer.Write(activityIds[activity], NpgsqlDbType.Integer);
            writer.Write(week.Monday, NpgsqlDbType.Date);
            writer.Write(hours, NpgsqlDbType.Numeric);
            count++;
        }
        writer.Complete();
        return count;
    }

    internal static async Task<string> RecreateDatabaseAsync(string adminConnectionString, string name)
    {
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using NpgsqlTypes;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Setup;

namespace SalesSpec.Bench;

/// <summary>
/// The analysis at real size on PostgreSQL: the time logs bulk-loaded and summarised by the app's own rebuild
/// (<see cref="WeeklySummaries"/>), then the analysis cold (no cache: SQL over the weekly summary + the analyzer)
/// against hand-written SQL reading the same figures from the same table, interleaved; the dashboard cold (first
/// open after a saved week) and warm (from the cache); the what-if slider; a team's dashboard; the week pages.
/// </summary>
internal static class DatabaseBenchmark
{
    private const string BaselineReps = """
        SELECT r."Id", r."Email", r."Name", t."Name", ro."Name", ro."CoreWorkload", r."IsActive", ro."IsAnalysed"
        FROM "Reps" r JOIN "SalesRoles" ro ON ro."Id" = r."RoleId" LEFT JOIN "Teams" t ON t."Id" = r."TeamId"
        WHERE r."OrganizationId" = @organization
        """;

    private const string BaselineRepSums = """
        SELECT s."RepId", SUM(s."InboundQualificationE4"), SUM(s."OutboundProspectingE4"), SUM(s."ClosingE4"), SUM(s."PostSalesE4"), SUM(s."NonSellingE4"),
               COUNT(*) FILTER (WHERE s."InboundQualificationE4" + s."OutboundProspectingE4" + s."ClosingE4" + s."PostSalesE4" + s."NonSellingE4" > 0)
        FROM "RepWeekSummaries" s
        WHERE s."OrganizationId" = @organization AND s."WeekStart" >= @from AND s."WeekStart" <= @to
        GROUP BY s."RepId"
        """;

    private const string BaselineWeekSums = """
        SELECT s."WeekStart", SUM(s."InboundQualificationE4"), SUM(s."OutboundProspectingE4"), SUM(s."ClosingE4"), SUM(s."PostSalesE4"), SUM(s."NonSellingE4")
        FROM "RepWeekSummaries" s JOIN "Reps" r ON r."Id" = s."RepId" JOIN "SalesRoles" ro ON ro."Id" = r."RoleId"
        WHERE s."OrganizationId" = @organization AND s."WeekStart" >= @from AND s."WeekStart" <= @to AND r."IsActive" AND ro."IsAnalysed"
        GROUP BY s."WeekStart"
        """;

    /// <param name="reuse">Keep the database a previous run of the same size seeded (minutes at 10,000 × 104) instead of seeding again.</param>
    public static async Task<int> RunAsync(string adminConnectionString, SyntheticOrganization data, int runs, bool reuse = false)
    {
        const string name = "salesspec_bench";
        var existing = reuse ? await SeededOrganizationAsync(adminConnectionString, name, data) : null;
        var connectionString = existing is null
            ? await RecreateDatabaseAsync(adminConnectionString, name)
            : new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        await using var services = await ServicesAsync(connectionString, more => more
            .AddSalesSpecCache(new ConfigurationBuilder().Build())
            .AddSingleton<AnalysisService>());
        var factory = services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();

        int organizationId;
        if (existing is { } seeded)
        {
            organizationId = seeded;
            Console.WriteLine($"Reusing the seeded database {name} ({data.Reps:N0} reps x {data.Weeks} weeks)");
        }
        else
        {
            var seeding = Stopwatch.StartNew();
            (organizationId, var rows) = await SeedAsync(factory, connectionString, data);
            Console.WriteLine($"Seeded {rows:N0} time-log rows for {data.Reps:N0} reps in {seeding.Elapsed.TotalSeconds:F1} s");
            var summarising = Stopwatch.StartNew();
            int summaryRows;
            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Database.SetCommandTimeout(TimeSpan.Zero);
                summaryRows = await WeeklySummaries.RebuildAsync(db.ScopeTo(organizationId), organizationId, CancellationToken.None);
            }
            await AnalyzeTablesAsync(connectionString);
            Console.WriteLine($"Weekly summary built by the app's rebuild: {summaryRows:N0} rep-weeks in {summarising.Elapsed.TotalSeconds:F1} s");
        }

        var access = services.GetRequiredService<OrganizationAccess>();
        var uncached = new AnalysisService(access, TimeProvider.System);
        var cached = services.GetRequiredService<AnalysisService>();
        var member = new MemberAccess("bench", organizationId, "Synthetic", MemberRole.Leader, null, new HashSet<int>());
        var last = SyntheticOrganization.LastWeek;
        // A server that has been up a while runs the analyzer's code optimised; the first few dozen calls of a method
        // run unoptimised code first (tiered JIT). Warm every step up to that state on a short period before timing.
        for (var i = 0; i < 40; i++)
        {
            var warm = await uncached.AnalyzeAsync(member, last.AddWeeks(-3), last);
            _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From((await uncached.WhatIfAsync(warm, 0.11m + 0.01m * (i % 10))).Result!);
            _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(warm.Result!);
        }
        foreach (var weeks in new[] { 12, 52, data.Weeks }.Where(w => w <= data.Weeks).Distinct())
        {
            var from = last.AddWeeks(-(weeks - 1));
            var endToEnd = new List<double>();
            var handWritten = new List<double>();
            var sideBySide = new List<double>();
            for (var i = -2; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await uncached.AnalyzeAsync(member, from, last);
                var e2e = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var read = await HandWrittenAsync(connectionString, organizationId, from, last);
                var sql = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var readSideBySide = await HandWrittenSideBySideAsync(connectionString, organizationId, from, last);
                var parallel = watch.Elapsed.TotalMilliseconds;
                if (readSideBySide != read)
                {
                    throw new InvalidOperationException($"The hand-written statements read {read} rows one after another and {readSideBySide} side by side.");
                }
                if (i >= 0)
                {
                    endToEnd.Add(e2e);
                    handWritten.Add(sql);
                    sideBySide.Add(parallel);
                }
                if (i == runs - 1)
                {
                    Console.WriteLine($"Analysis, {weeks} weeks, cold (no cache): median {Median(endToEnd):F0} ms; hand-written SQL over the summary {Median(handWritten):F0} ms one statement after another, " +
                                      $"{Median(sideBySide):F0} ms side by side without parallel workers ({read:N0} rows); " +
                                      $"ratio {Median(endToEnd) / Median(handWritten):F2}x and {Median(endToEnd) / Median(sideBySide):F2}x (target <= 1.1x) · {outcome.Result!.Reps.Count:N0} reps, {outcome.Result.Recommendations.Count} recommendations");
                }
            }

            // The dashboard: the analysis and its headline figures, the first open after a saved week and the next ones.
            var cold = new List<double>();
            var warm = new List<double>();
            var slider = new List<double>();
            var sliderShared = new List<double>();
            for (var i = -1; i < runs; i++)
            {
                await RaiseVersionAsync(factory, organizationId);
                var watch = Stopwatch.StartNew();
                var opened = await cached.AnalyzeAsync(member, from, last);
                _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(opened.Result!);
                var first = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var again = await cached.AnalyzeAsync(member, from, last);
                _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(again.Result!);
                var next = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                // The slider as the page moves it: a line nobody has tried on this data yet (the analyzer re-run on
                // the per-rep totals), then the same line again from another circuit (shared through the cache).
                var moved = await cached.WhatIfAsync(again, 0.10m + 0.02m * (i + 1));
                _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(moved.Result!);
                var line = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var shared = await cached.WhatIfAsync(again, 0.10m + 0.02m * (i + 1));
                _ = SalesSpec.Web.Features.Dashboard.Services.DashboardFigures.From(shared.Result!);
                var lineAgain = watch.Elapsed.TotalMilliseconds;
                if (i >= 0)
                {
                    cold.Add(first);
                    warm.Add(next);
                    slider.Add(line);
                    sliderShared.Add(lineAgain);
                }
            }
            Console.WriteLine($"Dashboard ({data.Reps:N0} reps x {weeks} weeks): cold {Median(cold):F0} ms (target < 1000), warm {Median(warm):F1} ms (target < 100); threshold slider {Median(slider):F1} ms (target < 50), the same line from another circuit {Median(sliderShared):F1} ms");
        }

        // A team's dashboard: the hours of the rep-weeks spent in that team (a join on the team history).
        string teamName;
        await using (var db = await factory.CreateDbContextAsync())
        {
            teamName = await db.ScopeTo(organizationId).Teams.OrderBy(t => t.Id).Select(t => t.Name).FirstAsync();
        }
        var team = new List<double>();
        var teamFrom = last.AddWeeks(-(Math.Min(52, data.Weeks) - 1));
        for (var i = -1; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await uncached.AnalyzeAsync(member, teamFrom, last, teamName);
            if (i >= 0)
            {
                team.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (i == runs - 1)
            {
                Console.WriteLine($"Team dashboard ({teamName}, {outcome.Result!.Reps.Count} reps, {Math.Min(52, data.Weeks)} weeks, cold): median {Median(team):F0} ms");
            }
        }
        Console.WriteLine("Week pages (server time):");
        await WeekBenchmark.RunAsync(factory, organizationId, runs);
        return 0;
    }

    /// <summary>What a saved week does to the cache: the organisation's data version moves on.</summary>
    private static async Task RaiseVersionAsync(IDbContextFactory<SalesSpecDbContext> factory, int organizationId)
    {
        await using var db = await factory.CreateDbContextAsync();
        await WeeklySummaries.RaiseVersionAsync(db.ScopeTo(organizationId), organizationId, CancellationToken.None);
    }

    private static async Task AnalyzeTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Everything the analysis reads, by hand: the reps, their sums and weeks logged, the weeks' sums.</summary>
    private static async Task<int> HandWrittenAsync(string connectionString, int organizationId, IsoWeek from, IsoWeek to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = 0;
        foreach (var sql in new[] { BaselineReps, BaselineRepSums, BaselineWeekSums })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("organization", organizationId);
            command.Parameters.AddWithValue("from", from.Monday);
            command.Parameters.AddWithValue("to", to.Monday);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    /// <summary>
    /// The same statements as <see cref="HandWrittenAsync"/> read the way the app reads them: each on a connection of
    /// its own, all at once, without parallel workers — the fastest hand-written way on this machine, so the ratio
    /// against it is the app's own cost (EF Core, the reps' mapping, the analyzer) and nothing else.
    /// </summary>
    private static async Task<int> HandWrittenSideBySideAsync(string connectionString, int organizationId, IsoWeek from, IsoWeek to)
    {
        var counts = await Task.WhenAll(new[] { BaselineReps, BaselineRepSums, BaselineWeekSums }.Select(async sql =>
        {
            await Task.Yield();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var serial = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", connection, transaction))
            {
                await serial.ExecuteNonQueryAsync();
            }
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("organization", organizationId);
            command.Parameters.AddWithValue("from", from.Monday);
            command.Parameters.AddWithValue("to", to.Monday);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    rows++;
                }
            }
            await transaction.CommitAsync();
            return rows;
        }));
        return counts.Sum();
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

    /// <summary>The synthetic organisation of a previous run, if the database holds one of this size with its summary built.</summary>
    private static async Task<int?> SeededOrganizationAsync(string adminConnectionString, string name, SyntheticOrganization data)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT o."Id" FROM "Organizations" o
                WHERE o."Name" = 'Synthetic'
                  AND (SELECT COUNT(*) FROM "Reps" r WHERE r."OrganizationId" = o."Id") = @reps
                  AND (SELECT MIN(s."WeekStart") FROM "RepWeekSummaries" s WHERE s."OrganizationId" = o."Id") = @first
                """,
                connection);
            command.Parameters.AddWithValue("reps", (long)data.Reps);
            command.Parameters.AddWithValue("first", data.FirstWeek.Monday);
            return await command.ExecuteScalarAsync() as int?;
        }
        catch (PostgresException)
        {
            return null;
        }
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

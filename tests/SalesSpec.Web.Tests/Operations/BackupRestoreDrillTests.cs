using System.Diagnostics;
using System.Net;
using Npgsql;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Operations;

/// <summary>
/// The backup and restore drill of docs/operations.md, run for real: pg_dump of a working database, the database
/// dropped, pg_restore into a new one of the same name, and the app started on it. Every table has the same rows
/// and the analysis the same figures.
/// </summary>
public sealed class BackupRestoreDrillTests
{
    private const string Analysis = "/api/v1/organizations/1/analysis?from=2026-W36&to=2026-W47";

    [Fact]
    public async Task A_dump_restored_into_a_dropped_database_has_every_row_and_the_same_analysis()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:SalesSpec"] = connectionString };
        string before;
        await using (var factory = new AppFactory(settings: settings))
        {
            using var leader = await factory.SignedInAsync("leader@demo.salesspec");
            // A change of the user's own, so that the drill also carries what the demo did not create.
            var (status, _) = await Api.SendAsync(leader, HttpMethod.Post, "/api/v1/organizations/1/scenarios", new { name = "Before the backup", from = "2026-W36", to = "2026-W47" });
            status.ShouldBe(HttpStatusCode.Created);
            before = await leader.GetStringAsync(new Uri(Analysis, UriKind.Relative));
        }
        var rowsBefore = await RowCountsAsync(connectionString);
        rowsBefore["TimeLogs"].ShouldBeGreaterThan(1000);
        rowsBefore["Scenarios"].ShouldBe(1);

        var dump = Path.Combine(Path.GetTempPath(), $"salesspec-drill-{Guid.NewGuid():N}.dump");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            await RunAsync("pg_dump", $"--format=custom --no-owner --file={dump} {Connection(target)}");
            await PostgresServer.DropDatabaseAsync(connectionString);
            await CreateAsync(target.Database!);
            await RunAsync("pg_restore", $"--no-owner --exit-on-error {Connection(target)} {dump}");

            (await RowCountsAsync(connectionString)).ShouldBe(rowsBefore);
            await using var restored = new AppFactory(settings: settings);
            using var leaderAgain = await restored.SignedInAsync("leader@demo.salesspec");
            (await leaderAgain.GetStringAsync(new Uri(Analysis, UriKind.Relative))).ShouldBe(before);
        }
        finally
        {
            File.Delete(dump);
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static string Connection(NpgsqlConnectionStringBuilder target) =>
        $"--host={target.Host} --port={target.Port} --username={target.Username} --dbname={target.Database}";

    /// <summary>The rows of every table of the app's schema, counted exactly.</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Names from the catalogue, quoted as identifiers.
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static async Task CreateAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A PostgreSQL client program: from SALESSPEC_PG_BIN (the test command sets it), else the newest installed.</summary>
    private static async Task RunAsync(string program, string arguments)
    {
        var folder = Environment.GetEnvironmentVariable("SALESSPEC_PG_BIN") is { Length: > 0 } bin
            ? bin
            : Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderBy(d => d, StringComparer.Ordinal).Last();
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(folder, program), arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{program} {arguments}: {await errors}");
    }
}

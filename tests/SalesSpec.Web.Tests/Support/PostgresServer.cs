using Npgsql;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// The real PostgreSQL server that the test command (test.sh) starts. Each test gets a database of
/// its own, so tests run in parallel and leave nothing behind.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "SALESSPEC_TEST_POSTGRES";
    private const string Default = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : Default;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"salesspec_test_{Guid.NewGuid():N}";
        await using var connection = await OpenAdminAsync();
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"No PostgreSQL server at '{AdminConnectionString}'. Run the tests with ./test.sh, which starts one, " +
                $"or point {EnvironmentVariable} at a server where you may create databases.", e);
        }
    }
}

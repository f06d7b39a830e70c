using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SalesSpec.Web.Data;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests;

/// <summary>The whole app, configured as a user configures it, answering HTTP.</summary>
public sealed class HostTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Health_answers_200_once_the_database_is_migrated(string provider)
    {
        var connectionString = provider == "Postgres" ? await PostgresServer.CreateDatabaseAsync() : null;
        var folder = Directory.CreateTempSubdirectory("salesspec-host-").FullName;
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Database:Provider", provider);
                builder.UseSetting("ConnectionStrings:SalesSpec", connectionString ?? $"Data Source={Path.Combine(folder, "app.db")};Pooling=False");
                builder.UseSetting("Logs:Directory", folder);
            });
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            using var anonymous = await client.GetAsync(new Uri("/organizations/1", UriKind.Relative), TestContext.Current.CancellationToken);

            health.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
            // Not signed in: the sign-in page, by redirect (a 200 here would be the sign-in page, not the organisation).
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
            // Signed in: the demo organisation itself, read from the migrated database.
            using var leader = factory.CreateClient();
            await SignIn.AsAsync(leader, "leader@demo.salesspec");
            using var home = await leader.GetAsync(new Uri("/organizations/1", UriKind.Relative), TestContext.Current.CancellationToken);
            home.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Northwind Cloud");
        }
        finally
        {
            if (connectionString is not null)
            {
                await PostgresServer.DropDatabaseAsync(connectionString);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_on_one_empty_postgres_database_migrate_and_seed_once()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:SalesSpec"] = connectionString };
            await using var first = new AppFactory(settings: settings);
            await using var second = new AppFactory(settings: settings);

            // Both start at once, as two replicas would: each migrates and seeds in its start-up.
            await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using (var count = new Npgsql.NpgsqlCommand("SELECT string_agg(\"Name\", ', ' ORDER BY \"Id\") FROM \"Organizations\"", connection))
            {
                (await count.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("Northwind Cloud, Contoso Analytics");
            }
            foreach (var app in new[] { first, second })
            {
                using var client = app.Client();
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                ready.StatusCode.ShouldBe(HttpStatusCode.OK);
                await SignIn.AsAsync(client, "leader@demo.salesspec");
            }

            // A database behind this build (a migration missing) is not ready, though the instance is alive.
            await using (var forget = new Npgsql.NpgsqlCommand(
                "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\")", connection))
            {
                (await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
            }
            using var probe = first.Client();
            using var notReady = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            using var live = await probe.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
            notReady.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_with_a_clear_message()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
            builder.UseSetting("ConnectionStrings:SalesSpec", "");
        });

        var error = Should.Throw<InvalidOperationException>(() => factory.CreateClient());
        error.Message.ShouldContain("ConnectionStrings:SalesSpec is empty");
    }
}

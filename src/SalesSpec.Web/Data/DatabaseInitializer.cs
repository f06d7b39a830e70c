using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Demo;

namespace SalesSpec.Web.Data;

/// <summary>Brings the database to the current schema at start-up and, on an empty database, creates the demo organisation.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<SalesSpecDbContext> contextFactory,
    IOptions<DemoOptions> demoOptions,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }

        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the others wait
        // and then find the work done (a seeded demo is not seeded twice).
        var startLock = db.Database.IsNpgsql() ? await StartupLock.AcquireAsync(db, cancellationToken) : null;
        try
        {
            await MigrateAndSeedAsync(db, cancellationToken);
        }
        finally
        {
            if (startLock is not null)
            {
                await startLock.DisposeAsync();
            }
        }
    }

    private async Task MigrateAndSeedAsync(SalesSpecDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        LogMigrated(logger, db.Database.ProviderName ?? "?");

        // Looks across organisations on purpose: is this database empty?
        if (demoOptions.Value.IsOn && !await db.Organizations.AcrossOrganizations().AnyAsync(cancellationToken))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var northwind = await DemoOrganization.SeedAsync(db, DemoOrganization.Build(today), cancellationToken);
            var contoso = await DemoOrganization.SeedAsync(db, DemoOrganization.BuildContoso(today), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await DemoAccounts.SeedAsync(users, db, northwind.Organization, northwind.Reps, contoso.Organization);
            LogSeeded(logger, northwind.Organization.Name, northwind.Organization.Id);
        }
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is up to date ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo organisations ({Name}, id {Id}, and Contoso Analytics) and the demo accounts")]
    private static partial void LogSeeded(ILogger logger, string name, int id);
}

public static class DatabaseInitializerExtensions
{
    public static Task InitializeDatabaseAsync(this WebApplication app) =>
        app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

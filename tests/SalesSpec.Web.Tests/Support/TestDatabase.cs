using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Setup;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// A fresh, migrated database on a real provider, wired exactly as the app wires it
/// (<see cref="DatabaseSetup"/> and <see cref="DatabaseInitializer"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, ServiceProvider services, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _services = services;
        _sqliteFolder = sqliteFolder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<SalesSpecDbContext> Factory => _services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();

    public OrganizationAccess Access => new(Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<OrganizationAccess>.Instance);

    /// <summary>A context scoped to the organisation with this name.</summary>
    public async Task<SalesSpecDbContext> OpenAsync(string organizationName)
    {
        var db = await Factory.CreateDbContextAsync();
        var id = await db.Organizations.IgnoreQueryFilters().Where(o => o.Name == organizationName).Select(o => o.Id).SingleAsync();
        db.ScopeTo(id);
        return db;
    }

    /// <summary>Access as a member of the named organisation, without a signed-in user.</summary>
    public async Task<MemberAccess> MemberAsync(string organizationName, MemberRole role = MemberRole.Leader, int? repId = null, params int[] teams)
    {
        await using var db = await OpenAsync(organizationName);
        return new MemberAccess("test-user", db.OrganizationScope!.Value, organizationName, role, repId, teams.ToHashSet());
    }

    /// <summary>The demo user's access to the named organisation, as the app resolves it when they sign in.</summary>
    public async Task<MemberAccess> MemberOfAsync(string email, string organizationName)
    {
        var principal = await PrincipalAsync(email);
        return (await Access.MembershipsAsync(principal)).Single(m => m.OrganizationName == organizationName);
    }

    /// <summary>A signed-in user as the app sees them: their user id as the name identifier.</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, await UserIdAsync(email))], "Test"));

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The id of a rep of the named organisation, by email.</summary>
    public async Task<int> RepIdAsync(string organizationName, string email)
    {
        await using var db = await OpenAsync(organizationName);
        return await db.Reps.Where(r => r.Email == email).Select(r => r.Id).SingleAsync();
    }

    public IServiceProvider Services => _services;

    public static Task<TestDatabase> CreateAsync(string provider, bool demo = false, TimeProvider? clock = null, params IInterceptor[] interceptors) =>
        CreateAsync(Enum.Parse<DatabaseProvider>(provider), demo, clock, interceptors);

    /// <param name="interceptors">EF Core interceptors added to the app's own, to force an interleaving the test needs.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool demo = false, TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        string connectionString;
        string? sqliteFolder = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            sqliteFolder = Directory.CreateTempSubdirectory("salesspec-test-").FullName;
            connectionString = $"Data Source={Path.Combine(sqliteFolder, "data", "test.db")};Pooling=False";
        }
        else
        {
            connectionString = await PostgresServer.CreateDatabaseAsync();
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:SalesSpec"] = connectionString,
                ["Demo:Enabled"] = demo.ToString(),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock ?? new FixedClock(FixedClock.Monday23November2026))
            .Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section))
            .AddSalesSpecDatabase(configuration, new HostingEnvironment { ContentRootPath = sqliteFolder ?? Path.GetTempPath() })
            .AddSalesSpecIdentityStores()
            .ConfigureDbContext<SqliteSalesSpecDbContext>(options => options.AddInterceptors(interceptors))
            .ConfigureDbContext<PostgresSalesSpecDbContext>(options => options.AddInterceptors(interceptors))
            .BuildServiceProvider();
        var database = new TestDatabase(provider, connectionString, services, sqliteFolder);
        await database.InitializeAsync();
        return database;
    }

    /// <summary>Runs the app's start-up work again (migrations, demo seeding).</summary>
    public Task InitializeAsync() => _services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }
        else if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}

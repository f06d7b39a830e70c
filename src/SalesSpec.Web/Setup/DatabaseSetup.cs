using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesSpec.Web.Setup;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "SalesSpec";

    public static IServiceCollection AddSalesSpecDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.Section);
        services.Configure<DatabaseOptions>(section);
        var provider = section.Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    connectionString = $"Data Source={Path.Combine(environment.ContentRootPath, "data", "salesspec.db")}";
                }
                Register<SqliteSalesSpecDbContext>(services, o => o.UseSqlite(connectionString));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is Postgres, but ConnectionStrings:{ConnectionStringName} is empty. " +
                        "Set it, e.g. ConnectionStrings__SalesSpec=\"Host=localhost;Database=salesspec;Username=salesspec;Password=…\".");
                }
                Register<PostgresSalesSpecDbContext>(services, o => o.UseNpgsql(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
        }

        // Audit entries are dated by the app's clock; a host that registers none gets the system's.
        services.TryAddSingleton(TimeProvider.System);
        // Identity's stores take a context per request.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : SalesSpecDbContext
    {
        services.AddDbContextFactory<TContext>(options => configure(options.AddInterceptors(new SaveInterceptor(), new VersionInterceptor())));
        services.AddSingleton<IDbContextFactory<SalesSpecDbContext>, ProviderDbContextFactory<TContext>>();
        // "ready" checks answer /health/ready (send users here); /health/live only says the process answers.
        services.AddHealthChecks()
            .AddDbContextCheck<TContext>("database", tags: [HealthSetup.Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthSetup.Ready]);
    }
}

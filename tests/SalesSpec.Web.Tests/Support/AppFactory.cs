using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SalesSpec.Web.Tests.Support;

/// <summary>The whole app on a fresh SQLite database with the demo organisations and accounts, the clock fixed.</summary>
public sealed class AppFactory(bool demo = true, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesspec-app-").FullName;

    public const int Northwind = 1;
    public const int Contoso = 2;

    /// <summary>More services, registered after the app's own (a replacement wins).</summary>
    public Action<IServiceCollection>? MoreServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:SalesSpec", $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False");
        builder.UseSetting("Logs:Directory", _folder);
        builder.UseSetting("Demo:Enabled", demo.ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(FixedClock.Monday23November2026));
            MoreServices?.Invoke(services);
        });
    }

    /// <summary>The app on SQLite, or on a fresh database of the test PostgreSQL server; more settings if given.</summary>
    public static async Task<AppFactory> ForProviderAsync(string provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (provider != "Sqlite")
        {
            all["Database:Provider"] = "Postgres";
            all["ConnectionStrings:SalesSpec"] = await PostgresServer.CreateDatabaseAsync();
        }
        return new AppFactory(settings: all);
    }

    public HttpClient Client(bool redirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects, BaseAddress = ClientOptions.BaseAddress });

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        await SignIn.AsAsync(client, email);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

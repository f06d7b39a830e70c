using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SalesSpec.E2E;

/// <summary>The app on real Kestrel (127.0.0.1, a free port), on a fresh SQLite database with the demo organisation — as a user runs it.</summary>
public class AppServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesspec-e2e-").FullName;

    public AppServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>What the app takes for now: the same day on every run, so the demo data and the fixtures agree.</summary>
    public TimeProvider Clock { get; } = new PinnedClock(PinnedClock.Monday23November2026);

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:SalesSpec", $"Data Source={Path.Combine(_folder, "salesspec.db")}");
        builder.UseSetting("Logs:Directory", Path.Combine(_folder, "logs"));
        builder.UseSetting("Demo:Enabled", "true");
        // Request logs of every page would bury a failing test's message in the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        ConfigureSettings(builder);
    }

    /// <summary>Settings a test class needs beyond a user's defaults.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// One instance of SalesSpec as its own operating-system process (<c>dotnet SalesSpec.Web.dll</c>), on a free port of
/// 127.0.0.1: what a replica behind a load balancer is, and what a test can really kill. Shared by the load harness
/// (bench/) and the browser tests (linked into SalesSpec.E2E).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AppProcess(string name, int port, ChildProcess process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    /// <summary>Also its server name and stickiness cookie at HAProxy.</summary>
    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.Process.HasExited;

    public int ProcessId => _process.Process.Id;

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Process.Refresh();
            return _process.Process.WorkingSet64;
        }
    }

    /// <summary>What the instance wrote to its console, for a failing test's message.</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Starts the build of SalesSpec.Web that sits beside these tests (same configuration) with <paramref name="settings"/>
    /// as environment variables, and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var project = Path.Combine(AppProcess.RepositoryRoot(), "src", "SalesSpec.Web");
        // AppContext.BaseDirectory is <project>/bin/<configuration>/<framework>/: run the app's build of the same kind.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var program = Path.Combine(project, "bin", framework.Parent!.Name, framework.Name, "SalesSpec.Web.dll");
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"No build of the app at {program}. Build the solution first (test.sh does).");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [program]) { WorkingDirectory = project };
        // Development, as the other browser tests' in-process server: the build's static files (MudBlazor's, the
        // framework's script) are served from where the build left them. The rest is as a replica is configured.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var app = new AppProcess(name, port, new ChildProcess(start, $"Instance {name}"));
        try
        {
            await app._process.WaitUntilReadyAsync(app.Address, TimeSpan.FromMinutes(3), cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process at once, as a crash or a lost machine would: no graceful shutdown.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesSpec.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"No SalesSpec.sln above {AppContext.BaseDirectory}.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// One instance of SalesSpec as its own operating-system process (<c>dotnet SalesSpec.Web.dll</c>), on a free port of
/// 127.0.0.1: what a replica behind a load balancer is, and what a test can really kill. Shared by the load harness
/// (bench/) and the browser tests (linked into SalesSpec.E2E).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>What the instance wrote to its console, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

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
        var start = new ProcessStartInfo("dotnet", [program])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development, as the other browser tests' in-process server: the build's static files (MudBlazor's, the
        // framework's script) are served from where the build left them. The rest is as a replica is configured.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(name, port, process);
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(3), cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} stopped (exit {_process.ExitCode}) before it was ready:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy migrating; ask again.
            }
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Instance {Name} was not ready after {timeout.TotalSeconds:0} s:\n{Output}");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Ends the process at once, as a crash or a lost machine would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            // The last lines are what explain a failure; a chatty instance must not fill the test's memory.
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }
            _output.AppendLine(line);
        }
    }
}

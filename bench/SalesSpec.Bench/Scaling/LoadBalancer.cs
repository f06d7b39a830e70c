using System.Diagnostics;
using System.Net;
using System.Text;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// HAProxy (Debian's package, installed by test.sh) in front of SalesSpec instances, with the configuration the project
/// ships in deploy/haproxy.cfg: only the listening address and the server addresses are changed (Docker's names and DNS
/// do not exist here), so what is tested is what an operator runs.
/// </summary>
internal sealed class LoadBalancer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private LoadBalancer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>HAProxy's log: one line per request, with the server that took it.</summary>
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

    public static async Task<LoadBalancer> StartAsync(IReadOnlyList<AppProcess> instances, CancellationToken cancellationToken)
    {
        var executable = Environment.GetEnvironmentVariable("SALESSPEC_HAPROXY") is { Length: > 0 } path ? path : "/usr/sbin/haproxy";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No HAProxy at {executable}. Run the tests with ./test.sh, which installs it.");
        }
        var port = AppProcess.FreePort();
        var folder = Directory.CreateTempSubdirectory("salesspec-haproxy-").FullName;
        var configuration = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(configuration, Configuration(port, instances), cancellationToken);

        var start = new ProcessStartInfo(executable, ["-db", "-f", configuration])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("HAProxy did not start.");
        var balancer = new LoadBalancer(process, folder, port);
        await balancer.WaitUntilAnsweringAsync(cancellationToken);
        return balancer;
    }

    /// <summary>deploy/haproxy.cfg, pointed at these instances and at a free port of 127.0.0.1.</summary>
    public static string Configuration(int port, IReadOnlyList<AppProcess> instances)
    {
        var shipped = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "deploy", "haproxy.cfg"));
        var lines = new List<string>();
        var servers = 0;
        foreach (var line in shipped.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("resolvers docker", StringComparison.Ordinal))
            {
                break; // Docker's DNS section, always last.
            }
            if (trimmed == "bind :80")
            {
                lines.Add($"    bind 127.0.0.1:{port}");
            }
            else if (trimmed.StartsWith("server app", StringComparison.Ordinal))
            {
                // The shipped file's replicas, replaced (once) by these instances under the same names and cookies.
                if (servers++ == 0)
                {
                    lines.AddRange(instances.Select(instance => $"    server {instance.Name} 127.0.0.1:{instance.Port} cookie {instance.Name}"));
                }
            }
            else
            {
                lines.Add(line.Replace(" resolvers docker", "", StringComparison.Ordinal));
            }
        }
        var result = string.Join('\n', lines);
        // If the shipped file changes shape, this must fail rather than test some other configuration.
        if (servers == 0 || !result.Contains($"bind 127.0.0.1:{port}", StringComparison.Ordinal) || result.Contains("resolvers", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/haproxy.cfg no longer has the 'bind :80', 'server appN' and 'resolvers docker' lines this test replaces.");
        }
        return result;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"HAProxy stopped (exit {_process.ExitCode}):\n{Output}");
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
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"HAProxy did not answer within 60 s:\n{Output}");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }
            _output.AppendLine(line);
        }
    }
}

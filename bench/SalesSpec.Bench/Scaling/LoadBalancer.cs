using System.Diagnostics;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// HAProxy (Debian's package, installed by test.sh) in front of SalesSpec instances, with the configuration the project
/// ships in deploy/haproxy.cfg: only the listening address and the server addresses are changed (Docker's names and DNS
/// do not exist here), so what is tested is what an operator runs.
/// </summary>
internal sealed class LoadBalancer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;

    private LoadBalancer(ChildProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>HAProxy's log: one line per request, with the server that took it.</summary>
    public string Output => _process.Output;

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

        var balancer = new LoadBalancer(new ChildProcess(new ProcessStartInfo(executable, ["-db", "-f", configuration]), "HAProxy"), folder, port);
        try
        {
            // Through HAProxy, /health/ready is an instance's answer: the proxy is up and routes.
            await balancer._process.WaitUntilReadyAsync(balancer.Address, TimeSpan.FromSeconds(60), cancellationToken);
            return balancer;
        }
        catch
        {
            await balancer.DisposeAsync();
            throw;
        }
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

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

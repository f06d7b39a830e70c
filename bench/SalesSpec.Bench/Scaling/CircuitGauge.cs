using System.Diagnostics;
using System.Globalization;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// The server's own count of its circuits (the <c>salesspec.circuits.active</c> gauge), read from outside as an operator
/// would: <c>dotnet-counters collect</c> (a local tool of this repository) on each instance, written to CSV every second.
/// </summary>
internal sealed class CircuitGauge : IAsyncDisposable
{
    private readonly List<(Process Process, string File)> _collectors;

    private CircuitGauge(List<(Process, string)> collectors) => _collectors = collectors;

    public static CircuitGauge Start(IEnumerable<AppProcess> instances)
    {
        var collectors = new List<(Process, string)>();
        foreach (var instance in instances)
        {
            var file = Path.Combine(Path.GetTempPath(), $"salesspec-counters-{instance.ProcessId}.csv");
            File.Delete(file);
            var start = new ProcessStartInfo("dotnet",
                ["dotnet-counters", "collect", "--process-id", instance.ProcessId.ToString(CultureInfo.InvariantCulture),
                 "--counters", "SalesSpec", "--format", "csv", "--output", file, "--refresh-interval", "1"])
            {
                WorkingDirectory = AppProcess.RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-counters did not start (dotnet tool restore).");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            collectors.Add((process, file));
        }
        return new CircuitGauge(collectors);
    }

    /// <summary>
    /// Active circuits over all instances, as measured after this call began. dotnet-counters writes its CSV through a
    /// buffer (a few kilobytes, some seconds of values), so this waits, up to a minute, for a value from after "now".
    /// </summary>
    public async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        var asked = DateTime.Now.AddSeconds(1);
        var total = 0;
        foreach (var (process, file) in _collectors)
        {
            var waited = Stopwatch.StartNew();
            int? value;
            while ((value = ValueSince(file, asked)) is null)
            {
                if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"dotnet-counters wrote no salesspec.circuits.active after {asked:T} to {file}.");
                }
                await Task.Delay(500, cancellationToken);
            }
            total += value.Value;
        }
        return total;
    }

    private static int? ValueSince(string file, DateTime since)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        int? last = null;
        while (reader.ReadLine() is { } line)
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment (the timestamp in local time, MM/dd/yyyy HH:mm:ss)
            var fields = line.Split(',');
            if (fields.Length >= 5 && fields[2].StartsWith("salesspec.circuits.active", StringComparison.Ordinal)
                && DateTime.TryParseExact(fields[0], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at)
                && at >= since
                && double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                last = (int)Math.Round(value);
            }
        }
        return last;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, file) in _collectors)
        {
            if (!process.HasExited)
            {
                // "dotnet dotnet-counters" runs the tool as a child process, which holds the output pipes open.
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            process.Dispose();
            File.Delete(file);
        }
    }
}

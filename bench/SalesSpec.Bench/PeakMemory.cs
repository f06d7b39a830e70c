using System.Diagnostics;
using System.Globalization;

namespace SalesSpec.Bench;

/// <summary>Runs a process to its end and reports its time and peak resident memory (VmHWM).</summary>
internal static class PeakMemory
{
    public static (double Seconds, double PeakMb, string Output) Run(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        // VmHWM is the high-water mark of resident memory; polling it until exit catches the peak.
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, ReadHighWaterMarkKb(process.Id));
            Thread.Sleep(10);
        }
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {error.Result}");
        }
        return (seconds, peakKb / 1024.0, output.Result);
    }

    private static long ReadHighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

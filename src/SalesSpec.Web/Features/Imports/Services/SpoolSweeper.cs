namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// Removes the temporary files of uploads and exports that a crash left behind (a killed process deletes
/// nothing), once at start-up. Only files older than a day go: another instance on the same host may be
/// using a newer one for a page that is still open.
/// </summary>
public sealed partial class SpoolSweeper(TimeProvider clock, ILogger<SpoolSweeper> logger) : IHostedService
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    public static readonly string[] Patterns = ["salesspec-import-*.csv", "salesspec-export-*.xlsx"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Sweep(Path.GetTempPath());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes the old spool files in <paramref name="folder"/>; returns how many.</summary>
    public int Sweep(string folder)
    {
        var before = clock.GetUtcNow().UtcDateTime - MinimumAge;
        var removed = 0;
        foreach (var path in Patterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern)))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < before)
                {
                    File.Delete(path);
                    removed++;
                }
            }
            catch (IOException exception)
            {
                LogNotRemoved(logger, path, exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                LogNotRemoved(logger, path, exception);
            }
        }
        if (removed > 0)
        {
            LogRemoved(logger, removed, folder);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary upload or export files left by an earlier run from {Folder}")]
    private static partial void LogRemoved(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the temporary file {Path}")]
    private static partial void LogNotRemoved(ILogger logger, string path, Exception exception);
}

namespace SalesSpec.Web.Features.Analysis.Summaries;

/// <summary>
/// <c>SalesSpec.Web rebuild-summaries</c>: re-sums every organisation's weekly summary from its time logs, one
/// organisation per transaction. Needed only if the summary was written around the app (a restore of the time
/// logs alone, a hand-made SQL fix); the app keeps it with every write.
/// </summary>
public static partial class SummaryRebuild
{
    public const string Command = "rebuild-summaries";

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SummaryRebuild));
        List<int> organizations;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Every organisation, on purpose: this is the operator's command, not a member's.
            organizations = await db.Organizations.AcrossOrganizations().Select(o => o.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        }
        foreach (var id in organizations)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.Zero);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var rows = await WeeklySummaries.RebuildAsync(db, id, cancellationToken);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogRebuilt(logger, id, rows, seconds);
        }
        if (organizations.Count > 0)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // A rebuilt table is all new rows: fresh statistics let the planner read a period in parallel
                // instead of guessing (autovacuum would get there, minutes later). The whole database: it reads
                // a sample of each table, seconds even at 10,000 reps, and names no organisation's table.
                db.Database.SetCommandTimeout(TimeSpan.Zero);
                await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            }
        }
        LogDone(logger, organizations.Count);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the weekly summary of organisation {Id}: {Rows} rep-weeks in {Seconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int id, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the weekly summaries of {Count} organisations")]
    private static partial void LogDone(ILogger logger, int count);
}

using Npgsql;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>
/// On PostgreSQL, one connection per instance that LISTENs to <see cref="WorkshopNotifier.Channel"/> and hands each
/// notice to the instance's notifier. If the connection drops it is opened again; meanwhile notices are raised
/// in-process only. On SQLite there is one instance by definition, and nothing to listen to.
/// </summary>
public sealed partial class WorkshopListener(
    IDbContextFactory<SalesSpecDbContext> contextFactory, WorkshopNotifier notifier, ILogger<WorkshopListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? connectionString;
        await using (var db = await contextFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsNpgsql())
            {
                return;
            }
            connectionString = db.Database.GetConnectionString();
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (int.TryParse(notice.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId))
                    {
                        notifier.Raise(sessionId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {WorkshopNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                notifier.ListensToDatabase = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                notifier.ListensToDatabase = false;
                LogListenFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the workshop notices from PostgreSQL; listening again shortly")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}

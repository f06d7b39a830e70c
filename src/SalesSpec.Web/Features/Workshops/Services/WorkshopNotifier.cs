using Npgsql;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>
/// Tells open projector pages that a workshop changed (an answer came in, it was revealed or closed). Within one
/// instance it is an event; on PostgreSQL every change goes out as a NOTIFY on <see cref="Channel"/> and comes back
/// through <see cref="WorkshopListener"/> on every instance, so a phone answering on one instance moves the
/// projector on another. A notice carries only the session's id: the page reads what changed itself.
/// </summary>
public sealed partial class WorkshopNotifier(IDbContextFactory<SalesSpecDbContext> contextFactory, ILogger<WorkshopNotifier> logger)
{
    public const string Channel = "salesspec_workshops";

    /// <summary>Raised with the session's id, on a thread of the notifier's; handlers must be quick.</summary>
    public event Action<int>? Changed;

    /// <summary>Whether notices travel through PostgreSQL (set by the listener once it listens).</summary>
    public bool ListensToDatabase { get; internal set; }

    public async Task PublishAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        if (ListensToDatabase)
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, sessionId.ToString(CultureInfo.InvariantCulture)], cancellationToken);
                return;
            }
            catch (NpgsqlException exception)
            {
                // The answer is saved; this instance's own pages still hear of it, the others on their next read.
                LogNotifyFailed(logger, exception, sessionId);
            }
        }
        Raise(sessionId);
    }

    internal void Raise(int sessionId)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<int>>() ?? [])
        {
            try
            {
                handler(sessionId);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // One broken page must not keep the others from hearing.
                LogHandlerFailed(logger, exception, sessionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the change of workshop {SessionId} through PostgreSQL")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A projector page failed to take the change of workshop {SessionId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, int sessionId);
}

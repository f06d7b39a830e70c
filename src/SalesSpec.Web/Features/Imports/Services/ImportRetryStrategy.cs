using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// One more try for an import that PostgreSQL broke off for a reason a second try can cure: a deadlock, a
/// serialization failure, a lost connection. Not for a command timeout (it would only run as long again) and not
/// for anything the file or the data caused.
/// </summary>
internal sealed class ImportRetryStrategy(DbContext context) : NpgsqlRetryingExecutionStrategy(context, maxRetryCount: 1)
{
    protected override bool ShouldRetryOn(Exception? exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        _ => false,
    };
}

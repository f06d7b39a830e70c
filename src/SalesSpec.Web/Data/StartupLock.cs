using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SalesSpec.Web.Data;

/// <summary>
/// A PostgreSQL session advisory lock around start-up work (migrations, the demo), held on the context's own open
/// connection: the instance that gets it works, the others wait for it. It goes with the connection if the instance dies.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // "SSST": the first key of the two-key advisory lock, apart from every other lock SalesSpec takes.
    private const int LockSpace = 0x53535354;

    private readonly SalesSpecDbContext _db;

    private StartupLock(SalesSpecDbContext db) => _db = db;

    public static async Task<StartupLock> AcquireAsync(SalesSpecDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await EnsureDatabaseAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var timeout = db.Database.GetCommandTimeout();
        // Waiting is the point: another instance may take minutes over a large migration.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockSpace}, 0)", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockSpace}, 0)");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection: closing it releases the lock all the same, and whatever broke the start-up work
            // (this runs in its finally) must be the error that is reported, not this one.
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    // The lock lives in a database, so the database must be there first; two instances may both try to create it.
    private static async Task EnsureDatabaseAsync(SalesSpecDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.Database.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }
}

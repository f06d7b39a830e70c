using System.Collections.Concurrent;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// One heavy export (every time log of a period) per organisation at a time, across all app instances: a second
/// one gets 429 with Retry-After instead of doubling the database and disk load. On PostgreSQL the gate is a
/// session advisory lock, held on its own connection for the export's length (it goes with the connection if the
/// instance dies); SQLite runs in one process, where a semaphore per organisation is the whole story.
/// </summary>
public sealed class ExportGate(IDbContextFactory<SalesSpecDbContext> factory)
{
    /// <summary>How long a refused caller is told to wait, in seconds: a year of a large organisation exports in about this.</summary>
    public const int RetryAfterSeconds = 30;

    // The first key of the two-key advisory lock: "SSEX", so other advisory locks on the same database cannot clash.
    private const int LockSpace = 0x53534558;

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _local = new();

    /// <summary>The gate held until disposed, or null when another export of the organisation is running.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        var local = _local.GetOrAdd(organizationId, _ => new SemaphoreSlim(1, 1));
        if (!await local.WaitAsync(0, cancellationToken))
        {
            return null;
        }
        SalesSpecDbContext? db = null;
        try
        {
            db = await factory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsNpgsql())
            {
                await db.DisposeAsync();
                return new Held(local, null, organizationId);
            }
            await db.Database.OpenConnectionAsync(cancellationToken);
            var acquired = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockSpace}, {organizationId}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!acquired)
            {
                await db.DisposeAsync();
                local.Release();
                return null;
            }
            return new Held(local, db, organizationId);
        }
        catch
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
            local.Release();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim local, SalesSpecDbContext? db, int organizationId) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }
            try
            {
                if (db is not null)
                {
                    // Unlocked explicitly: a pooled connection outlives this request, and its session with it.
                    await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({LockSpace}, {organizationId}) AS \"Value\"").SingleAsync();
                }
            }
            catch (Exception) when (db is not null)
            {
                // The unlock did not go through: the connection must not go back to the pool still holding the lock.
                Npgsql.NpgsqlConnection.ClearPool((Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
                throw;
            }
            finally
            {
                if (db is not null)
                {
                    await db.DisposeAsync();
                }
                local.Release();
            }
        }
    }
}

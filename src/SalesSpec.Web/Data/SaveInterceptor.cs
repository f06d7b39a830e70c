using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Data;

/// <summary>
/// Writes, in the transaction of a save, what must go with it: the weekly summary of the rep-weeks whose time logs
/// it changed and the data version of the organisations whose analysis input it changed
/// (<see cref="WeeklySummaries"/>), and the audit log of a member's changes. Both need the save's keys, so the change
/// is saved first and they follow right after, before the transaction commits: all are kept or none. A context that
/// acts for nobody (start-up, the demo seed) is not audited.
/// </summary>
internal sealed class SaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is SalesSpecDbContext db && (db.ActorUserId is not null || !WeeklySummaries.PendingChanges.Collect(db).IsEmpty)
            ? throw new InvalidOperationException("A member's changes, and time logs, are saved with SaveChangesAsync, which writes the audit log and the weekly summary.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { PendingSave: null } db)
        {
            var audit = db is { ActorUserId: not null, OrganizationScope: not null } ? await AuditTrail.CollectAsync(db) : null;
            var summary = WeeklySummaries.PendingChanges.Collect(db);
            if (audit is not null || !summary.IsEmpty)
            {
                var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                db.PendingSave = new PendingSave(audit, summary, ownTransaction);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // The entries' own save comes back through here; only the outer save completes its work.
        if (eventData.Context is SalesSpecDbContext { PendingSave: { Writing: false } pending } db)
        {
            pending.Writing = true;
            try
            {
                await pending.Summary.ApplyAsync(db, cancellationToken);
                if (pending.Audit is { Count: > 0 } entries)
                {
                    db.AuditEntries.AddRange(AuditTrail.Complete(entries, db.OrganizationScope!.Value, db.ActorUserId!, db.Clock.GetUtcNow()));
                    await db.SaveChangesAsync(cancellationToken);
                }
                if (pending.Transaction is not null)
                {
                    await pending.Transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await EndAsync(db, pending);
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { PendingSave: { Writing: false } pending } db)
        {
            await EndAsync(db, pending);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { PendingSave: { Writing: false } pending } db)
        {
            await EndAsync(db, pending);
        }
    }

    // Disposing an uncommitted transaction rolls the change back with its (unwritten) summary and audit.
    private static async Task EndAsync(SalesSpecDbContext db, PendingSave pending)
    {
        db.PendingSave = null;
        if (pending.Transaction is not null)
        {
            await pending.Transaction.DisposeAsync();
        }
    }
}

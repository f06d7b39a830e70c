using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Data;

/// <summary>
/// Writes the audit log of a member's changes in the same transaction as the changes. An entry needs the key of
/// a new row, so the change is saved first and its entries right after, before the transaction commits: either
/// both are kept or neither. A context that acts for nobody (start-up, the demo seed) is not audited.
/// </summary>
internal sealed class AuditInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is SalesSpecDbContext { ActorUserId: not null }
            ? throw new InvalidOperationException("A member's changes are saved with SaveChangesAsync, which writes the audit log.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { ActorUserId: not null, OrganizationScope: not null, PendingAudit: null } db)
        {
            var pending = await AuditTrail.CollectAsync(db);
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            db.PendingAudit = new PendingAudit(pending, ownTransaction);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // The entries' own save comes back through here; only the outer save completes the audit.
        if (eventData.Context is SalesSpecDbContext { PendingAudit: { Writing: false } audit } db)
        {
            audit.Writing = true;
            try
            {
                if (audit.Entries.Count > 0)
                {
                    db.AuditEntries.AddRange(AuditTrail.Complete(audit.Entries, db.OrganizationScope!.Value, db.ActorUserId!, db.Clock.GetUtcNow()));
                    await db.SaveChangesAsync(cancellationToken);
                }
                if (audit.Transaction is not null)
                {
                    await audit.Transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await EndAsync(db, audit);
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { PendingAudit: { Writing: false } audit } db)
        {
            await EndAsync(db, audit);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesSpecDbContext { PendingAudit: { Writing: false } audit } db)
        {
            await EndAsync(db, audit);
        }
    }

    // Disposing an uncommitted transaction rolls the change back with its (unwritten) audit.
    private static async Task EndAsync(SalesSpecDbContext db, PendingAudit audit)
    {
        db.PendingAudit = null;
        if (audit.Transaction is not null)
        {
            await audit.Transaction.DisposeAsync();
        }
    }
}

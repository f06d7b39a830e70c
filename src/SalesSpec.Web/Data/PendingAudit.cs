using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesSpec.Web.Data;

/// <summary>What one audited save has collected, kept on its context between the interceptor's steps.</summary>
internal sealed class PendingAudit(List<(EntityEntry Entry, string Action, string Summary)> entries, IDbContextTransaction? transaction)
{
    public List<(EntityEntry Entry, string Action, string Summary)> Entries { get; } = entries;

    public IDbContextTransaction? Transaction { get; } = transaction;

    public bool Writing { get; set; }
}

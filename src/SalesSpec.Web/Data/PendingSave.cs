using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using SalesSpec.Web.Features.Analysis.Summaries;

namespace SalesSpec.Web.Data;

/// <summary>What one save has collected to write in its transaction, kept on its context between the interceptor's steps.</summary>
internal sealed class PendingSave(List<(EntityEntry Entry, string Action, string Summary)>? audit, WeeklySummaries.PendingChanges summary, IDbContextTransaction? transaction)
{
    /// <summary>The audit entries of a member's changes; null when nobody acts (start-up, the demo seed).</summary>
    public List<(EntityEntry Entry, string Action, string Summary)>? Audit { get; } = audit;

    public WeeklySummaries.PendingChanges Summary { get; } = summary;

    public IDbContextTransaction? Transaction { get; } = transaction;

    public bool Writing { get; set; }
}

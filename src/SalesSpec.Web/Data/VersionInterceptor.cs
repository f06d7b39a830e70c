using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesSpec.Web.Data;

/// <summary>
/// Raises the version of every edited <see cref="IVersioned"/> row as it is saved. The version is a concurrency
/// token, so the update only applies where the row still has the version that was read (or that the caller
/// claims to have read): the later of two edits fails instead of overwriting the earlier.
/// </summary>
internal sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Raise(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Raise(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Raise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}

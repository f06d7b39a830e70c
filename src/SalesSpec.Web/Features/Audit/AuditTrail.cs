using Microsoft.EntityFrameworkCore.ChangeTracking;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Domain.Workshops;
using SalesSpec.Web.Features.Members.Services;

namespace SalesSpec.Web.Features.Audit;

/// <summary>Turns tracked changes of organisation data into audit entries.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Organization), typeof(Team), typeof(Role), typeof(Rep), typeof(Activity), typeof(TimeLog),
        typeof(MonthlyLeadCount), typeof(Membership), typeof(ManagedTeam), typeof(Invitation),
        typeof(Timesheet), typeof(LockPeriod), typeof(Scenario), typeof(CrmRuleSet), typeof(WorkshopSession),
    ];

    /// <summary>The changes worth an entry, each said in words (see <see cref="AuditWording"/>).</summary>
    public static async Task<List<(EntityEntry Entry, string Action, string Summary)>> CollectAsync(SalesSpecDbContext db)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var collected = new List<(EntityEntry, string, string)>(entries.Count);
        if (entries.Count == 0)
        {
            return collected;
        }
        var names = new AuditNames(db);
        // The changes were detected above; looking names up must not detect them again for every name.
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in entries)
            {
                var summary = await AuditWording.DescribeAsync(entry, names);
                if (summary.Length > 0 || entry.State != EntityState.Modified)
                {
                    collected.Add((entry, Action(entry.State), summary));
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        return collected;
    }

    public static IEnumerable<AuditEntry> Complete(
        IEnumerable<(EntityEntry Entry, string Action, string Summary)> pending, int organizationId, string userId, DateTimeOffset at) =>
        pending.Select(p => new AuditEntry
        {
            OrganizationId = organizationId,
            UserId = userId,
            At = at,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", p.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(k => Convert.ToString(p.Entry.Property(k.Name).CurrentValue, CultureInfo.InvariantCulture))),
            Summary = p.Summary,
        });

    private static string Action(EntityState state) => state switch
    {
        EntityState.Added => "Created",
        EntityState.Deleted => "Deleted",
        _ => "Changed",
    };
}

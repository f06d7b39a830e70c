using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Members;

namespace SalesSpec.Web.Features.Audit;

/// <summary>Turns tracked changes of organisation data into audit entries.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Organization), typeof(Team), typeof(Role), typeof(Rep), typeof(Activity), typeof(TimeLog),
        typeof(MonthlyLeadCount), typeof(Membership), typeof(ManagedTeam), typeof(Invitation),
        typeof(Timesheet), typeof(LockPeriod), typeof(Scenario), typeof(CrmRuleSet),
    ];

    // Secrets never go into the audit log; the organisation is the log's own.
    private static readonly HashSet<string> Hidden = ["TokenHash", "OrganizationId"];

    public static List<(EntityEntry Entry, string Action, string Summary)> Collect(ChangeTracker changes) =>
        changes.Entries()
            .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e, Action(e.State), Summary(e)))
            .Where(x => x.Item3.Length > 0 || x.Item2 != "Changed")
            .ToList();

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

    private static string Summary(EntityEntry entry)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Hidden.Contains(p.Metadata.Name));
        var parts = entry.State switch
        {
            EntityState.Modified => properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .Select(p => $"{p.Metadata.Name}: {Show(p.OriginalValue)} → {Show(p.CurrentValue)}"),
            EntityState.Added => properties.Where(p => p.CurrentValue is not null)
                .Select(p => $"{p.Metadata.Name}: {Show(p.CurrentValue)}"),
            _ => properties.Select(p => $"{p.Metadata.Name}: {Show(p.OriginalValue)}"),
        };
        var text = string.Join("; ", parts);
        return text.Length > 2000 ? text[..1997] + "…" : text;
    }

    private static string Show(object? value) => value switch
    {
        null => "—",
        string s => $"'{s}'",
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // A scenario's moves and new people, or the CRM rules, are lists: shown as JSON, not as a type name.
        System.Collections.IEnumerable list => System.Text.Json.JsonSerializer.Serialize(list),
        _ => value.ToString() ?? "",
    };
}

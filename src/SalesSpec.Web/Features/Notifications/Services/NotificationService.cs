namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>The signed-in user's notifications, across the organisations where they are a rep.</summary>
public sealed class NotificationService(OrganizationAccess access, TimeProvider clock)
{
    public const int Shown = 10;

    /// <summary>The latest notifications (unread first) and how many are unread.</summary>
    public async Task<(IReadOnlyList<NotificationRow> Latest, int Unread)> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var rows = new List<NotificationRow>();
        var unread = 0;
        foreach (var member in (await access.MembershipsAsync(user, cancellationToken)).Where(m => m.RepId is not null))
        {
            await using var db = await access.OpenAsync(member, cancellationToken);
            var mine = db.Notifications.AsNoTracking().Where(n => n.RepId == member.RepId);
            unread += await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
            var latest = await mine.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.Id).Take(Shown).ToListAsync(cancellationToken);
            rows.AddRange(latest.Select(n => new NotificationRow(n.Id, member.OrganizationId, member.OrganizationName, n.Message, n.Link, n.CreatedAt, n.ReadAt is not null)));
        }
        return (rows.OrderBy(r => r.IsRead).ThenByDescending(r => r.CreatedAt).Take(Shown).ToList(), unread);
    }

    /// <summary>Marks one of the user's notifications read (the one they opened), or all of them when <paramref name="id"/> is null.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, long? id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var member in (await access.MembershipsAsync(user, cancellationToken)).Where(m => m.RepId is not null))
        {
            await using var db = await access.OpenAsync(member, cancellationToken);
            await db.Notifications.Where(n => n.RepId == member.RepId && n.ReadAt == null && (id == null || n.Id == id))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }
    }
}

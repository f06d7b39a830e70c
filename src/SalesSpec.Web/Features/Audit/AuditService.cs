using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Features.Audit;

public sealed class AuditService(OrganizationAccess access)
{
    public const int MaxRows = 1000;

    /// <summary>The newest entries of the organisation's audit log, with who made them; Admins only.</summary>
    public async Task<IReadOnlyList<AuditRow>> RecentAsync(MemberAccess admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.May(Permission.SeeAuditLog))
        {
            throw new UnauthorizedAccessException("Only an Admin reads the audit log.");
        }
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var rows = await db.AuditEntries
            .OrderByDescending(a => a.Id)
            .Take(MaxRows)
            .GroupJoin(db.Users, a => a.UserId, u => u.Id, (a, users) => new { a, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.a, Email = u == null ? x.a.UserId : u.Email })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AuditRow(r.a.At, r.Email ?? "", r.a.Action, r.a.EntityType, r.a.EntityId, r.a.Summary)).ToList();
    }
}

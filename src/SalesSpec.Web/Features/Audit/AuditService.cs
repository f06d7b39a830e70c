namespace SalesSpec.Web.Features.Audit;

public sealed class AuditService(OrganizationAccess access)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// One page of the organisation's audit log, newest first, with who made each change by name; Admins only.
    /// The search matches the words of the change and the person's name or e-mail, in the database: a log of years
    /// is paged, never loaded whole.
    /// </summary>
    public async Task<AuditRows> PageAsync(MemberAccess admin, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.May(Permission.SeeAuditLog))
        {
            throw new UnauthorizedAccessException("Only an Admin reads the audit log.");
        }
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await access.OpenAsync(admin, cancellationToken);
        var entries =
            from a in db.AuditEntries
            join u in db.Users on a.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            select new { a.Id, a.At, a.Action, a.EntityType, a.Summary, Name = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email };
        var term = search?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(term))
        {
            // Translated to SQL lower(...) on both databases: no .NET culture applies, and PostgreSQL has no case-insensitive Contains.
#pragma warning disable CA1304, CA1311, CA1862
            entries = entries.Where(e => e.Summary.ToLower().Contains(term)
                                         || (e.Name != null && e.Name.ToLower().Contains(term))
                                         || (e.Email != null && e.Email.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditRows(
            rows.Select(r => new AuditRow(r.Id, r.At, Who(r.Name, r.Email), r.Action, r.EntityType, r.Summary)).ToList(),
            total);
    }

    private static string Who(string? name, string? email) =>
        !string.IsNullOrWhiteSpace(name) ? name : email ?? "A removed user";
}

namespace SalesSpec.Web.Features.Access;

/// <summary>
/// The one place that turns "who is signed in" into what they may see: their memberships, and a
/// database context scoped to one organisation.
/// </summary>
public sealed partial class OrganizationAccess(IDbContextFactory<SalesSpecDbContext> contextFactory, ILogger<OrganizationAccess> logger)
{
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Every organisation the user belongs to, by name.</summary>
    public async Task<IReadOnlyList<MemberAccess>> MembershipsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } userId)
        {
            return [];
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Across organisations on purpose: a user's own memberships, found by their user id.
        var rows = await db.Memberships.AcrossOrganizations()
            .Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.OrganizationId,
                OrganizationName = m.Organization.Name,
                m.Organization.IsArchived,
                m.Organization.TimeZone,
                m.Role,
                m.RepId,
                Teams = m.ManagedTeams.Select(t => t.TeamId).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(m => new MemberAccess(userId, m.OrganizationId, m.OrganizationName, m.Role, m.RepId, m.Teams.ToHashSet()) { IsArchived = m.IsArchived, TimeZone = m.TimeZone })
            .OrderBy(m => m.OrganizationName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The user's access to one organisation; null when they are not a member (or it does not exist).</summary>
    public async Task<MemberAccess?> ForAsync(ClaimsPrincipal user, int organizationId, CancellationToken cancellationToken = default)
    {
        var member = (await MembershipsAsync(user, cancellationToken)).FirstOrDefault(m => m.OrganizationId == organizationId);
        if (member is null && UserId(user) is { } userId)
        {
            LogRefused(logger, userId, organizationId);
        }
        return member;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused user {UserId} access to organisation {OrganizationId}: not a member")]
    private static partial void LogRefused(ILogger logger, string userId, int organizationId);

    /// <summary>A context that sees only the member's organisation, and audits what the member changes.</summary>
    public async Task<SalesSpecDbContext> OpenAsync(MemberAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ScopeTo(access.OrganizationId).ActingAs(access.UserId);
        return db;
    }
}

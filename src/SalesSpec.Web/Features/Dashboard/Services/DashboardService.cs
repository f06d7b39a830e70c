namespace SalesSpec.Web.Features.Dashboard.Services;

/// <summary>What the dashboard needs besides the analysis itself: the teams the member may choose from.</summary>
public sealed class DashboardService(OrganizationAccess access)
{
    public async Task<IReadOnlyList<string>> TeamsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var teams = await db.Teams.Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.Where(t => member.SeesWholeOrganization || member.ManagedTeamIds.Contains(t.Id))
            .Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

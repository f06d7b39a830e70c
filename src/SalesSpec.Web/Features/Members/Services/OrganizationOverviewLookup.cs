namespace SalesSpec.Web.Features.Members.Services;

/// <summary>Reps and teams to choose from when inviting.</summary>
public sealed class OrganizationOverviewLookup(OrganizationAccess access)
{
    public async Task<(IReadOnlyList<(int Id, string Name)> Reps, IReadOnlyList<(int Id, string Name)> Teams)> RepsAndTeamsAsync(
        MemberAccess member, CancellationToken cancellationToken = default)
    {
        await using var db = await access.OpenAsync(member, cancellationToken);
        var reps = await db.Reps.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return (reps.Select(r => (r.Id, r.Name)).ToList(), teams.Select(t => (t.Id, t.Name)).ToList());
    }
}

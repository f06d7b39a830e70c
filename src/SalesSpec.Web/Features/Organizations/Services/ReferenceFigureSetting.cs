namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>Whether the member's organisation shows published reference figures beside its own (on unless an Admin hid them).</summary>
public sealed class ReferenceFigureSetting(OrganizationAccess access)
{
    public async Task<bool> ShownAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await db.Organizations.AsNoTracking().Select(o => o.ShowsReferenceFigures).SingleAsync(cancellationToken);
    }
}

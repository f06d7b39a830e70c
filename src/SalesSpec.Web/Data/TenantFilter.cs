namespace SalesSpec.Web.Data;

/// <summary>
/// The named query filter that keeps a context to its organisation's rows. Code that must look across
/// organisations (start-up, the membership lookup, invitations) lifts this one filter by name and no other.
/// </summary>
public static class TenantFilter
{
    public const string Name = "Tenant";

    public static IQueryable<T> AcrossOrganizations<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters([Name]);
}

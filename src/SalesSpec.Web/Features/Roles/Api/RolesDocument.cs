using SalesSpec.Web.Features.Roles.Services;

namespace SalesSpec.Web.Features.Roles.Api;

/// <summary>The organisation's roles over the API, with the currency of their costs and the workloads its template allows.</summary>
public sealed record RolesDocument(string Currency, OrganizationTemplate Template, IReadOnlyList<Workload> Workloads, IReadOnlyList<RoleDocument> Roles)
{
    public static RolesDocument Of(RolesView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Currency, view.Template, view.Workloads, view.Roles.Select(RoleDocument.Of).ToList());
    }
}

namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>The organisation's roles with the currency their costs are in and the workloads its template allows.</summary>
public sealed record RolesView(string Currency, OrganizationTemplate Template, IReadOnlyList<Workload> Workloads, IReadOnlyList<RoleSetting> Roles, bool MayEdit);

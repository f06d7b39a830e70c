using SalesSpec.Web.Features.Roles.Services;

namespace SalesSpec.Web.Features.Roles.Api;

/// <summary>A role over the API; <see cref="Version"/> is sent back with a change (see <see cref="RoleVersion"/>).</summary>
public sealed record RoleDocument(
    int Id,
    string Name,
    Workload CoreWorkload,
    bool IsAnalysed,
    decimal? AnnualLoadedCost,
    int RampMonths,
    bool Custom,
    string Version)
{
    public static RoleDocument Of(RoleSetting role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new(role.Id, role.Name, role.CoreWorkload, role.IsAnalysed, role.AnnualLoadedCost, role.RampMonths, role.IsCustom, role.Version);
    }
}

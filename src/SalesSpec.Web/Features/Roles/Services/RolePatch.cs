namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>A change of a role's cost or ramp over the API, with the version read (see <see cref="RoleVersion"/>).</summary>
public sealed record RolePatch(string? Version, decimal? AnnualLoadedCost = null, bool ClearAnnualLoadedCost = false, int? RampMonths = null);

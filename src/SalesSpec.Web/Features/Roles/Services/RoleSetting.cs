namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>A role's cost and ramp as edited in the settings, with the values it was read with (to spot someone else's change).</summary>
public sealed class RoleSetting
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public Workload CoreWorkload { get; init; }

    public bool IsAnalysed { get; init; }

    public decimal? AnnualLoadedCost { get; set; }

    public int RampMonths { get; set; }

    public decimal? ReadCost { get; init; }

    public int ReadRamp { get; init; }

    /// <summary>A role the organisation added beyond its template's.</summary>
    public bool IsCustom { get; init; }

    public bool Changed => AnnualLoadedCost != ReadCost || RampMonths != ReadRamp;

    /// <summary>The values read, as the API's version: sent back with a change, a different one means someone else changed the role.</summary>
    public string Version => RoleVersion.Of(ReadCost, ReadRamp);
}

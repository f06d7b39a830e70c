namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>A custom role: its core workload must be one of the organisation's template.</summary>
public sealed class NewRole
{
    public string Name { get; set; } = "";

    public Workload CoreWorkload { get; set; } = Workload.Closing;

    /// <summary>People in a role that is not analysed (e.g. Sales Manager) are left out of every figure.</summary>
    public bool IsAnalysed { get; set; } = true;

    public decimal? AnnualLoadedCost { get; set; }

    public int RampMonths { get; set; } = Role.DefaultRampMonths;
}

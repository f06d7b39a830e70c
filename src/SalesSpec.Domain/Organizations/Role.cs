using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

public sealed class Role
{
    private Role()
    {
        Name = "";
        Organization = null!;
    }

    public const int MaxRampMonths = 24;

    /// <summary>For roles without a ramp of their own: about a quarter, as for SDRs (Bridge Group).</summary>
    public const int DefaultRampMonths = 3;

    internal Role(Organization organization, string name, Workload coreWorkload, bool isAnalysed, decimal? annualLoadedCost, int rampMonths)
    {
        Organization = organization;
        OrganizationId = organization.Id;
        Name = Guard.Name(name, "Role name", 100);
        CoreWorkload = coreWorkload;
        IsAnalysed = isAnalysed;
        SetAnnualLoadedCost(annualLoadedCost);
        SetRampMonths(rampMonths);
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public string Name { get; private set; }

    public Workload CoreWorkload { get; private set; }

    /// <summary>People in a role that is not analysed (e.g. Sales Manager) are left out of every figure.</summary>
    public bool IsAnalysed { get; private set; }

    /// <summary>Salary, benefits and overhead per person and year, for cost-per-function-hour views.</summary>
    public decimal? AnnualLoadedCost { get; private set; }

    /// <summary>Months until a new person in the role works at full capacity (scenarios' capacity over time); 0 for at once.</summary>
    public int RampMonths { get; private set; }

    public void SetRampMonths(int months)
    {
        if (months is < 0 or > MaxRampMonths)
        {
            throw new DomainRuleException($"A ramp must be 0 to {MaxRampMonths} months; got {months}.");
        }
        RampMonths = months;
    }

    public void SetAnnualLoadedCost(decimal? cost)
    {
        if (cost < 0)
        {
            throw new DomainRuleException($"Annual loaded cost cannot be negative; got {cost}.");
        }
        AnnualLoadedCost = cost;
    }
}

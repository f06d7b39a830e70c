using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

public sealed class Role
{
    private Role()
    {
        Name = "";
        Organization = null!;
    }

    internal Role(Organization organization, string name, Workload coreWorkload, bool isAnalysed, decimal? annualLoadedCost)
    {
        Organization = organization;
        OrganizationId = organization.Id;
        Name = Guard.Name(name, "Role name", 100);
        CoreWorkload = coreWorkload;
        IsAnalysed = isAnalysed;
        SetAnnualLoadedCost(annualLoadedCost);
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

    public void SetAnnualLoadedCost(decimal? cost)
    {
        if (cost < 0)
        {
            throw new DomainRuleException($"Annual loaded cost cannot be negative; got {cost}.");
        }
        AnnualLoadedCost = cost;
    }
}

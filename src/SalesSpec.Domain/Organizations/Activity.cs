using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>An item of the organisation's activity catalogue, mapped to exactly one function.</summary>
public sealed class Activity
{
    private Activity()
    {
        Name = "";
        Organization = null!;
    }

    internal Activity(Organization organization, string name, SalesFunction function, bool isCatchAll)
    {
        if (!Enum.IsDefined(function))
        {
            throw new DomainRuleException($"Unknown function '{function}'.");
        }
        Organization = organization;
        OrganizationId = organization.Id;
        Name = Guard.Name(name, "Activity name", 100);
        Function = function;
        IsCatchAll = isCatchAll;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public string Name { get; private set; }

    public SalesFunction Function { get; private set; }

    /// <summary>The "Other – function" activity that takes hours imported by function only.</summary>
    public bool IsCatchAll { get; private set; }
}

using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>An item of the organisation's activity catalogue, mapped to exactly one function.</summary>
public sealed class Activity : IVersioned
{
    public const int MaxNameLength = 100;

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
        Name = Guard.Name(name, "Activity name", MaxNameLength);
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

    /// <summary>Position in the catalogue as reps see it.</summary>
    public int SortOrder { get; private set; }

    /// <summary>Archived activities keep their logged hours but cannot be logged any more.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>Raised on every saved change, so a save based on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public void Rename(string name)
    {
        EnsureRenamable();
        Name = Guard.Name(name, "Activity name", MaxNameLength);
    }

    internal void EnsureRenamable()
    {
        if (IsCatchAll)
        {
            throw new DomainRuleException($"'{Name}' takes hours imported by function only; it keeps its name.");
        }
    }

    /// <summary>Counts the activity's hours, past and future, under another function.</summary>
    public void ChangeFunction(SalesFunction function)
    {
        if (!Enum.IsDefined(function))
        {
            throw new DomainRuleException($"Unknown function '{function}'.");
        }
        if (IsCatchAll && function != Function)
        {
            throw new DomainRuleException($"'{Name}' belongs to its function for good.");
        }
        Function = function;
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Archive()
    {
        if (IsCatchAll)
        {
            throw new DomainRuleException($"'{Name}' takes hours imported by function only; it cannot be archived.");
        }
        IsArchived = true;
    }

    public void Restore() => IsArchived = false;
}

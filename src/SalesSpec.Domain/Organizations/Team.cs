using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

public sealed class Team : IVersioned
{
    private Team()
    {
        Name = "";
        Organization = null!;
    }

    internal Team(Organization organization, string name)
    {
        Organization = organization;
        OrganizationId = organization.Id;
        Name = Guard.Name(name, "Team name", 100);
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public string Name { get; private set; }

    /// <summary>Archived teams keep their history but take no new people and are hidden from pickers.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>Raised on every saved change, so a save based on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public void Rename(string name) => Name = Guard.Name(name, "Team name", 100);

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}

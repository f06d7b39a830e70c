using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

public sealed class Team
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

    public void Rename(string name) => Name = Guard.Name(name, "Team name", 100);
}

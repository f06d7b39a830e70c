using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Tests.Features.Access;

/// <summary>Which of a person's organisations an address is in: by the id in the path, not by its text.</summary>
public sealed class OrganizationInAddressTests
{
    private static readonly MemberAccess[] Memberships =
    [
        new("u", 1, "Northwind Cloud", MemberRole.Consultant, null, new HashSet<int>()),
        new("u", 12, "Northwind Cloud", MemberRole.Consultant, null, new HashSet<int>()),
    ];

    [Theory]
    [InlineData("https://app.test/organizations/12/dashboard?weeks=12", 12)]
    [InlineData("https://app.test/organizations/1/dashboard", 1)]
    [InlineData("https://app.test/organizations/1", 1)]
    [InlineData("/organizations/12?q=1#reps", 12)]
    public void The_id_in_the_path_names_the_organisation(string address, int expected) =>
        OrganizationLanding.InAddress(Memberships, address)!.OrganizationId.ShouldBe(expected);

    [Theory]
    [InlineData("https://app.test/organizations/7/dashboard")]
    [InlineData("https://app.test/organizations/new")]
    [InlineData("https://app.test/profile?organizations/1")]
    [InlineData("https://app.test/")]
    public void An_address_outside_the_persons_organisations_names_none(string address) =>
        OrganizationLanding.InAddress(Memberships, address).ShouldBeNull();
}

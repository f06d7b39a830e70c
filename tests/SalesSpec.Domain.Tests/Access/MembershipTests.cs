using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests.Access;

/// <summary>A member's place in one organisation: a role, the rep they are, the teams they manage.</summary>
public sealed class MembershipTests
{
    private readonly Organization _acme = Organization.Create("Acme");
    private readonly Organization _globex = Organization.Create("Globex");

    private static Rep RepOf(Organization organization, string name) =>
        Rep.Create(name, $"{name}@{organization.Name.ToLowerInvariant()}.test", organization.Roles.Single(r => r.Name == "Full-Cycle Rep"));

    [Fact]
    public void A_member_belongs_to_the_organisation_with_the_role_given()
    {
        var membership = Membership.Create("user-1", _acme, MemberRole.Leader);

        membership.UserId.ShouldBe("user-1");
        membership.Organization.ShouldBeSameAs(_acme);
        membership.Role.ShouldBe(MemberRole.Leader);
        membership.Rep.ShouldBeNull();
        membership.RepId.ShouldBeNull();
        membership.ManagedTeams.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_membership_needs_a_user(string? userId)
    {
        Should.Throw<DomainRuleException>(() => Membership.Create(userId!, _acme, MemberRole.Admin)).Message
            .ShouldBe("A membership needs a user.");
    }

    [Fact]
    public void A_membership_needs_an_organisation()
    {
        Should.Throw<ArgumentNullException>(() => Membership.Create("user-1", null!, MemberRole.Admin));
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Membership.Create("user-1", _acme, (MemberRole)99)).Message
            .ShouldBe("Unknown role '99'.");
    }

    [Fact]
    public void A_rep_member_is_linked_to_a_rep_of_the_organisation()
    {
        Should.Throw<DomainRuleException>(() => Membership.Create("user-1", _acme, MemberRole.Rep)).Message
            .ShouldBe("A member with the Rep role must be linked to a rep of the organisation.");

        var ana = RepOf(_acme, "ana");
        var membership = Membership.Create("user-1", _acme, MemberRole.Rep, ana);
        membership.Rep.ShouldBeSameAs(ana);
    }

    [Fact]
    public void A_member_of_another_role_may_also_be_a_rep()
    {
        var ana = RepOf(_acme, "ana");

        Membership.Create("user-1", _acme, MemberRole.Admin, ana).Rep.ShouldBeSameAs(ana);
    }

    [Fact]
    public void The_rep_must_be_of_the_same_organisation()
    {
        var bo = RepOf(_globex, "bo");

        Should.Throw<DomainRuleException>(() => Membership.Create("user-1", _acme, MemberRole.Rep, bo)).Message
            .ShouldBe("The rep belongs to another organisation.");
    }

    [Fact]
    public void Only_a_manager_manages_teams()
    {
        var east = _acme.AddTeam("East");

        Should.Throw<DomainRuleException>(() => Membership.Create("user-1", _acme, MemberRole.Leader, managedTeams: [east])).Message
            .ShouldBe("Only a Manager manages teams.");
    }

    [Fact]
    public void A_manager_manages_teams_of_their_own_organisation_only()
    {
        var west = _globex.AddTeam("West");

        Should.Throw<DomainRuleException>(() => Membership.Create("user-1", _acme, MemberRole.Manager, managedTeams: [west])).Message
            .ShouldBe("A managed team belongs to another organisation.");
    }

    [Fact]
    public void A_manager_manages_each_team_given_once()
    {
        var east = _acme.AddTeam("East");
        var north = _acme.AddTeam("North");

        var membership = Membership.Create("user-1", _acme, MemberRole.Manager, managedTeams: [east, north, east]);

        membership.ManagedTeams.Select(m => m.Team).ShouldBe([east, north]);
        membership.ManagedTeams.ShouldAllBe(m => m.Membership == membership);
    }

    [Fact]
    public void A_manager_may_manage_no_team_yet()
    {
        Membership.Create("user-1", _acme, MemberRole.Manager, managedTeams: []).ManagedTeams.ShouldBeEmpty();
    }

    [Fact]
    public void A_new_role_replaces_the_rep_and_the_managed_teams()
    {
        var east = _acme.AddTeam("East");
        var ana = RepOf(_acme, "ana");
        var membership = Membership.Create("user-1", _acme, MemberRole.Manager, ana, [east]);

        membership.ChangeRole(MemberRole.Consultant);

        membership.Role.ShouldBe(MemberRole.Consultant);
        membership.Rep.ShouldBeNull();
        membership.ManagedTeams.ShouldBeEmpty();
    }

    [Fact]
    public void A_refused_change_leaves_the_membership_as_it_was()
    {
        var east = _acme.AddTeam("East");
        var membership = Membership.Create("user-1", _acme, MemberRole.Manager, managedTeams: [east]);

        Should.Throw<DomainRuleException>(() => membership.ChangeRole(MemberRole.Rep));

        membership.Role.ShouldBe(MemberRole.Manager);
        membership.ManagedTeams.Select(m => m.Team).ShouldBe([east]);
    }
}

using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>Teams: archived ones keep their people but take no new ones; FTE bounds as the people grid enforces them.</summary>
public sealed class TeamTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private Role FullCycle => _organization.Roles.Single(r => r.Name == "Full-Cycle Rep");

    [Fact]
    public void An_archived_team_takes_no_new_people()
    {
        var team = _organization.AddTeam("East");
        team.Archive();

        var error = Should.Throw<DomainRuleException>(() => Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, team));

        error.Message.ShouldBe("The team East is archived and takes no new people; restore it first or choose another team.");
    }

    [Fact]
    public void People_already_in_a_team_stay_when_it_is_archived_and_a_restored_team_takes_people_again()
    {
        var team = _organization.AddTeam("East");
        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, team);
        team.Archive();

        Should.NotThrow(() => ana.MoveToTeam(team, IsoWeek.Of(2026, 48)));
        ana.Team.ShouldBe(team);

        team.Restore();
        Rep.Create("Ben Carter", "ben@acme.test", FullCycle, team).Team.ShouldBe(team);
    }

    [Fact]
    public void Team_names_are_unique_ignoring_case()
    {
        _organization.AddTeam("East");

        Should.Throw<DomainRuleException>(() => _organization.AddTeam(" east ")).Message.ShouldBe("There is already a team named 'east'.");
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.01", true)]
    [InlineData("1.5", true)]
    [InlineData("1.51", false)]
    public void Fte_is_above_0_and_at_most_one_and_a_half(string fte, bool allowed)
    {
        var rep = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle);
        var value = decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture);

        if (allowed)
        {
            rep.SetFte(value);
            rep.Fte.ShouldBe(value);
        }
        else
        {
            Should.Throw<DomainRuleException>(() => rep.SetFte(value));
            rep.Fte.ShouldBe(1m);
        }
    }
}

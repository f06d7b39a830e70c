using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>Team moves at the edges of a rep's history: the first week, the same week twice, back to no team.</summary>
public sealed class RepTeamMovesTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private Role FullCycle => _organization.Roles.Single(r => r.Name == "Full-Cycle Rep");

    private static string History(Rep rep) => string.Join(", ", rep.TeamAssignments.OrderBy(a => a.FromWeek).Select(a => a.Describe(a.Team?.Name)));

    [Fact]
    public void A_second_move_in_the_same_week_replaces_the_first()
    {
        var east = _organization.AddTeam("East");
        var west = _organization.AddTeam("West");
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);

        ana.MoveToTeam(east, IsoWeek.Of(2026, 40));
        ana.MoveToTeam(west, IsoWeek.Of(2026, 40));

        History(ana).ShouldBe("No team from the start, West from 2026-W40");
        ana.Team.ShouldBe(west);
        ana.AssignmentIn(IsoWeek.Of(2026, 45))!.Team.ShouldBe(west);
    }

    [Fact]
    public void A_move_in_the_same_week_that_reopens_a_later_move_keeps_it_open()
    {
        var east = _organization.AddTeam("East");
        var west = _organization.AddTeam("West");
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);
        ana.MoveToTeam(east, IsoWeek.Of(2026, 40));
        ana.MoveToTeam(west, IsoWeek.Of(2026, 44));

        ana.MoveToTeam(west, IsoWeek.Of(2026, 40));

        History(ana).ShouldBe("No team from the start, West from 2026-W40");
        ana.TeamAssignments.Single(a => a.Team == west).ToWeek.ShouldBeNull();
    }

    [Fact]
    public void Moving_back_to_no_team_in_the_week_of_the_first_move_undoes_it()
    {
        var east = _organization.AddTeam("East");
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);
        ana.MoveToTeam(east, IsoWeek.Of(2026, 40));

        ana.MoveToTeam(null, IsoWeek.Of(2026, 40));

        History(ana).ShouldBe("No team from the start");
        ana.TeamAssignments.Single().ToWeek.ShouldBeNull();
        ana.Team.ShouldBeNull();
    }

    [Fact]
    public void A_move_may_take_effect_in_the_very_first_week_of_the_history()
    {
        var east = _organization.AddTeam("East");
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);

        ana.MoveToTeam(east, IsoWeek.Of(1900, 1));

        History(ana).ShouldBe("East from the start");
    }

    [Fact]
    public void A_move_cannot_take_effect_before_the_history_starts()
    {
        var east = _organization.AddTeam("East");
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);

        Should.Throw<DomainRuleException>(() => ana.MoveToTeam(east, IsoWeek.FromMonday(new DateOnly(1899, 12, 25)))).Message
            .ShouldBe("Ana's team history starts in 1900-W01; a team change cannot take effect before it.");
        History(ana).ShouldBe("No team from the start");
    }

    [Fact]
    public void No_assignment_covers_a_week_before_the_history()
    {
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);

        ana.AssignmentIn(IsoWeek.FromMonday(new DateOnly(1899, 12, 25))).ShouldBeNull();
        ana.TeamAssignments.Single().StartsAtBeginning.ShouldBeTrue();
    }
}

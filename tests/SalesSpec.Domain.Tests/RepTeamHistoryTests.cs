using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>A rep's team history: one assignment per change, covering every week without gap or overlap.</summary>
public sealed class RepTeamHistoryTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private Role FullCycle => _organization.Roles.Single(r => r.Name == "Full-Cycle Rep");

    private static IsoWeek W(int week) => IsoWeek.Of(2026, week);

    private static string History(Rep rep) => string.Join(", ", rep.TeamAssignments.OrderBy(a => a.FromWeek).Select(a => a.Describe(a.Team?.Name)));

    [Fact]
    public void A_new_rep_is_in_their_first_team_from_the_start()
    {
        var east = _organization.AddTeam("East");

        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, east);

        History(ana).ShouldBe("East from the start");
        ana.AssignmentIn(IsoWeek.Of(1999, 1))!.Team.ShouldBe(east);
    }

    [Fact]
    public void A_move_ends_the_previous_team_the_week_before_and_sets_the_current_team()
    {
        var (east, west) = (_organization.AddTeam("East"), _organization.AddTeam("West"));
        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, east);

        ana.MoveToTeam(west, W(40));

        History(ana).ShouldBe("East from the start, West from 2026-W40");
        ana.Team.ShouldBe(west);
        ana.AssignmentIn(W(39))!.Team.ShouldBe(east);
        ana.AssignmentIn(W(40))!.Team.ShouldBe(west);
        ana.TeamAssignments.Single(a => a.Team == east).ToWeek.ShouldBe(W(40).Monday);
    }

    [Fact]
    public void An_earlier_move_supersedes_later_ones_and_moving_back_joins_the_assignments()
    {
        var (east, west, north) = (_organization.AddTeam("East"), _organization.AddTeam("West"), _organization.AddTeam("North"));
        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, east);
        ana.MoveToTeam(west, W(40));
        ana.MoveToTeam(north, W(45));

        ana.MoveToTeam(north, W(42));
        History(ana).ShouldBe("East from the start, West from 2026-W40, North from 2026-W42");

        ana.MoveToTeam(east, W(40));
        History(ana).ShouldBe("East from the start");
        ana.TeamAssignments.Single().ToWeek.ShouldBeNull();
    }

    [Fact]
    public void A_move_to_no_team_is_recorded()
    {
        var east = _organization.AddTeam("East");
        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle, east);

        ana.MoveToTeam(null, W(10));

        History(ana).ShouldBe("East from the start, No team from 2026-W10");
        ana.TeamId.ShouldBeNull();
    }
}

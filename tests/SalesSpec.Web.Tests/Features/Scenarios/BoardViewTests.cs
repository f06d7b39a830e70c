using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>Which cards a large board draws: a capped number a column, candidates and moved reps first, search and team reaching the rest.</summary>
public sealed class BoardViewTests
{
    private static BoardCard Card(int number, string team = "Field", string role = "Full-Cycle Rep", string currentRole = "Full-Cycle Rep", bool candidate = false) =>
        new($"rep{number:000}@example.test", $"Rep {number:000}", team, currentRole, role,
            candidate ? [Workload.InboundQualification] : [], null);

    [Fact]
    public void A_long_column_draws_its_cap_with_the_candidates_and_the_moved_reps_first()
    {
        // 150 reps by name; the candidates and the moved reps come last by name, so only priority can draw them.
        var cards = Enumerable.Range(1, 147).Select(n => Card(n))
            .Append(Card(148, candidate: true))
            .Append(Card(149, role: "Full-Cycle Rep", currentRole: "Account Executive"))
            .Append(Card(150, role: "Market Response Rep"))
            .ToList();

        var selection = BoardView.Select(cards, search: null, team: null, perColumn: 20);

        var column = selection.Shown.Where(c => c.Role == "Full-Cycle Rep").Select(c => c.Name).ToList();
        column.Count.ShouldBe(20);
        column.Take(2).ShouldBe(["Rep 148", "Rep 149"]);
        column.Skip(2).ShouldBe(Enumerable.Range(1, 18).Select(n => $"Rep {n:000}"));
        selection.Hidden("Full-Cycle Rep").ShouldBe(129);
        selection.Hidden("Market Response Rep").ShouldBe(0);
        selection.Shown.Count(c => c.Role == "Market Response Rep").ShouldBe(1);
    }

    [Fact]
    public void Search_and_team_reach_the_reps_the_cap_leaves_out()
    {
        var cards = Enumerable.Range(1, 150).Select(n => Card(n, team: n % 2 == 0 ? "Enterprise" : "Commercial")).ToList();

        var found = BoardView.Select(cards, search: " rep 14", team: null, perColumn: 20);
        found.Shown.Select(c => c.Name).ShouldBe(Enumerable.Range(140, 10).Select(n => $"Rep {n:000}"));
        found.Hidden("Full-Cycle Rep").ShouldBe(0);

        BoardView.Select(cards, search: "REP150@EXAMPLE", team: null).Shown.Single().Name.ShouldBe("Rep 150");
        BoardView.Select(cards, search: "commercial", team: null).Matching["Full-Cycle Rep"].ShouldBe(75);

        var team = BoardView.Select(cards, search: "rep 14", team: "enterprise", perColumn: 20);
        team.Shown.Select(c => c.Name).ShouldBe(["Rep 140", "Rep 142", "Rep 144", "Rep 146", "Rep 148"]);
        BoardView.Select(cards, search: "nobody", team: null).Shown.ShouldBeEmpty();
    }
}

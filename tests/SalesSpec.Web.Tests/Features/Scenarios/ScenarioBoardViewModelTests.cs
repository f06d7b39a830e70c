using MudBlazor;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>The board's view model on the demo data, without rendering: moves, undo, filters, hires and save.</summary>
public sealed class ScenarioBoardViewModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly List<(string Text, Severity Severity)> _notices = [];
    private TestDatabase _database = null!;
    private MemberAccess _consultant = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<ScenarioBoardViewModel> BoardAsync(int id, string email = "consultant@demo.salesspec")
    {
        var board = new ScenarioBoardViewModel(ScenarioServiceTests.Service(_database), Clock, (text, severity) => _notices.Add((text, severity)));
        await board.LoadAsync(await _database.MemberOfAsync(email, DemoOrganization.Name), _consultant.OrganizationId, id);
        return board;
    }

    private static decimal InboundGap(ScenarioBoardViewModel board) =>
        Math.Round(board.Outcome!.Workloads.Single(w => w.Workload == Workload.InboundQualification).Gap, 1);

    [Fact]
    public async Task Moving_the_candidates_recomputes_the_gap_and_undo_takes_each_move_back()
    {
        var board = await BoardAsync(await ScenarioServiceTests.CreateInboundAsync(_database, _consultant));
        board.Loaded.ShouldBeTrue();
        board.Dirty.ShouldBeFalse();
        board.CanUndo.ShouldBeFalse();
        InboundGap(board).ShouldBe(-203.8m);
        board.FocusRole.ShouldBe("Market Response Rep");
        board.FocusCandidates.Count.ShouldBe(3);
        board.CandidatesPlaced.ShouldBeFalse();

        board.Move((board.FocusCandidates[0], "Market Response Rep"));
        InboundGap(board).ShouldBe(-167.8m);
        board.Dirty.ShouldBeTrue();
        board.MoveCandidates();
        InboundGap(board).ShouldBe(-95.8m);
        board.CandidatesPlaced.ShouldBeTrue();
        board.FocusNeed!.Value.People.ShouldBe(3);
        // The analyzer's suggested headcount for the same weekly hours (203.8 h ÷ 40 h = 5.1 → 5), not a board rule of its own.
        board.FocusNeed!.Value.Needed.ShouldBe(board.Workspace!.Today.Recommendations.Single(r => r.Kind == SalesSpec.Domain.Analysis.RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification).SuggestedHeadcount!.Value);
        board.FocusNeed!.Value.Needed.ShouldBe(5);
        board.Cards.Count(c => c.Moved).ShouldBe(3);

        board.Undo();
        InboundGap(board).ShouldBe(-167.8m);
        board.Undo();
        InboundGap(board).ShouldBe(-203.8m);
        board.Dirty.ShouldBeFalse();
        board.CanUndo.ShouldBeFalse();
    }

    [Fact]
    public async Task A_rep_moved_back_to_their_own_role_is_no_longer_a_move()
    {
        var board = await BoardAsync(await ScenarioServiceTests.CreateInboundAsync(_database, _consultant));
        var card = board.Cards.First(c => c.CandidateFor.Count > 0);

        board.Move((card.Email, "Market Response Rep"));
        board.Draft!.Roles.Keys.ShouldContain(card.Email);
        board.Move((card.Email, card.CurrentRole.ToUpperInvariant()));

        board.Draft!.Roles.ShouldBeEmpty();
        board.Dirty.ShouldBeFalse();
        board.CanUndo.ShouldBeTrue();
    }

    [Fact]
    public async Task Search_and_team_narrow_the_cards_drawn_but_not_the_numbers()
    {
        var board = await BoardAsync(await ScenarioServiceTests.CreateInboundAsync(_database, _consultant));
        var everyone = board.Selection.Shown.Count;
        board.RefreshPending = false;

        board.SearchFor("ruiz");
        board.Selection.Shown.Select(c => c.Name).ShouldBe(["Ana Ruiz"]);
        board.Filtered.ShouldBeTrue();
        board.RefreshPending.ShouldBeTrue();
        InboundGap(board).ShouldBe(-203.8m);

        board.SearchFor("");
        board.ShowTeam("Commercial");
        board.Selection.Shown.Count.ShouldBe(6);
        board.Selection.Shown.ShouldAllBe(c => c.Team == "Commercial");
        board.Cards.Count.ShouldBe(everyone);

        board.ShowTeam("");
        board.Filtered.ShouldBeFalse();
        board.Selection.Shown.Count.ShouldBe(everyone);
    }

    [Fact]
    public async Task Hires_hand_offs_name_and_start_change_the_draft_and_a_cleared_hand_off_goes_back_to_its_default()
    {
        var board = await BoardAsync(await ScenarioServiceTests.CreateInboundAsync(_database, _consultant));
        // A first open already offers the focus workload's role, so "Add" works without touching the list.
        board.Hire.Role.ShouldBe(board.FocusRole);
        board.Hire.Role.ShouldBe("Market Response Rep");
        board.Hire.Role = "Market Response Rep";
        board.Hire.Count = 2;
        board.Hire.StartMonth = 3;

        board.AddHire();
        board.Draft!.Hires.ShouldBe([new ScenarioHire("Market Response Rep", 2, false, 2)]);
        board.RemoveHire(board.Draft.Hires[0]);
        board.Draft.Hires.ShouldBeEmpty();

        board.ChangeHandOff(("Closing>PostSales", "  Customer deployed "));
        board.Draft.HandOffs.ShouldBe(new Dictionary<string, string> { ["Closing>PostSales"] = "Customer deployed" });
        board.ChangeHandOff(("Closing>PostSales", " "));
        board.Draft.HandOffs.ShouldBeEmpty();

        board.Rename("Inbound, renamed");
        board.ChangeNotes("For Monday");
        board.ChangeStart(new DateOnly(2027, 2, 1));
        board.Draft.Name.ShouldBe("Inbound, renamed");
        board.Draft.Notes.ShouldBe("For Monday");
        board.Draft.StartMonth.ShouldBe(new DateOnly(2027, 2, 1));
        board.StartMonths.First().ShouldBe(new DateOnly(2026, 10, 1));
    }

    [Fact]
    public async Task Save_stores_the_draft_at_the_version_last_read_and_says_so()
    {
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, _consultant);
        var board = await BoardAsync(id);
        var version = board.Draft!.Version;
        board.MoveCandidates();

        await board.SaveAsync();

        board.Errors.ShouldBeEmpty();
        board.Dirty.ShouldBeFalse();
        board.Saving.ShouldBeFalse();
        board.Draft!.Version.ShouldBe(version + 1);
        _notices.ShouldBe([("Scenario saved.", Severity.Success)]);
        var reopened = await BoardAsync(id);
        reopened.Draft!.Roles.Count.ShouldBe(3);
        InboundGap(reopened).ShouldBe(-95.8m);
    }

    [Fact]
    public async Task A_rep_gets_the_refusal_and_a_missing_scenario_says_it_does_not_exist()
    {
        var rep = await BoardAsync(1, "rep@demo.salesspec");
        rep.PageError.ShouldBe(ScenarioService.NotAllowed);
        rep.Loaded.ShouldBeFalse();

        var missing = await BoardAsync(987_654);
        missing.PageError.ShouldBe("This scenario does not exist (it may have been deleted).");
        missing.Loaded.ShouldBeFalse();
    }
}

using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.People;
using SalesSpec.Web.Features.People.Services;
using SalesSpec.Web.Features.TeamHistory;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.People;

/// <summary>The people page's view model driven without rendering, on a real SQLite database with the demo data.</summary>
public sealed class PeoplePageModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly List<(string Message, MudBlazor.Severity Severity)> _notes = [];
    private TestDatabase _database = null!;
    private PeoplePageModel _model = null!;
    private int _gridReloads;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var people = new PeopleService(_database.Access, new RepEditValidator(), new TeamMoveCheckValidator(), Clock);
        _model = new PeoplePageModel(people, new RepEditValidator(), Clock, (message, severity) => _notes.Add((message, severity)), () =>
        {
            _gridReloads++;
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task OpenAsync(string email = "admin@demo.salesspec")
    {
        var member = await _database.MemberOfAsync(email, DemoOrganization.Name);
        await _model.OpenAsync(member);
    }

    private async Task<RepDocument> RepAsync(string name) =>
        (await _model.PageAsync(0, 25, null, false, TestContext.Current.CancellationToken)).Items.Single(r => r.Name == name);

    [Fact]
    public async Task An_admin_gets_the_teams_and_roles_and_a_leader_does_not()
    {
        await OpenAsync();
        _model.Loading.ShouldBeFalse();
        _model.MayManage.ShouldBeTrue();
        _model.Options.Teams.ShouldNotBeEmpty();
        _model.Options.Roles.ShouldNotBeEmpty();

        var leader = new PeoplePageModel(new PeopleService(_database.Access, new RepEditValidator(), new TeamMoveCheckValidator(), Clock), new RepEditValidator(), Clock,
            (_, _) => { }, () => Task.CompletedTask);
        var member = await _database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);
        await leader.OpenAsync(member);
        leader.MayManage.ShouldBeFalse();
        leader.Options.Teams.ShouldBeEmpty();
    }

    [Fact]
    public async Task Searching_reloads_the_grid_and_narrows_the_page()
    {
        await OpenAsync();

        await _model.SearchAsync("account executive");

        _gridReloads.ShouldBe(1);
        var page = await _model.PageAsync(0, 25, "name", false, TestContext.Current.CancellationToken);
        page.Items.Select(r => r.Name).ShouldBe(["Ana Ruiz", "Ben Carter", "Grace Hall"]);
        await _model.SearchAsync(null);
        _model.Search.ShouldBe("");
    }

    [Fact]
    public async Task An_edit_out_of_bounds_is_refused_then_a_good_one_saves_and_closes_the_row()
    {
        await OpenAsync();
        var ana = await RepAsync("Ana Ruiz");

        await _model.EditAsync(ana);
        _model.IsEditing(ana).ShouldBeTrue();
        _model.Draft.Name.ShouldBe("Ana Ruiz");
        _model.Draft.Fte = 1.6m;
        await _model.SaveAsync();

        _model.HasError(nameof(RepEdit.Fte)).ShouldBeTrue();
        _model.ErrorOf(nameof(RepEdit.Fte)).ShouldBe(RepEditValidator.FteMessage);
        _notes.ShouldBeEmpty();

        _model.Draft.Fte = 0.5m;
        await _model.SaveAsync();

        _notes.ShouldBe([("Ana Ruiz saved.", MudBlazor.Severity.Success)]);
        _model.IsEditing(ana).ShouldBeFalse();
        _model.HasError(nameof(RepEdit.Fte)).ShouldBeFalse();
        _gridReloads.ShouldBe(1);
        (await RepAsync("Ana Ruiz")).Fte.ShouldBe(0.5m);
    }

    [Fact]
    public async Task Cancelling_forgets_the_errors_and_a_move_clears_the_ticks()
    {
        await OpenAsync();
        var ana = await RepAsync("Ana Ruiz");
        await _model.EditAsync(ana);
        _model.Draft.Name = "";
        await _model.SaveAsync();
        _model.HasError(nameof(RepEdit.Name)).ShouldBeTrue();

        _model.Cancel();
        _model.IsEditing(ana).ShouldBeFalse();
        _model.HasError(nameof(RepEdit.Name)).ShouldBeFalse();

        _model.Selected = [ana];
        await _model.MovedAsync();
        _model.Selected.ShouldBeEmpty();
        _gridReloads.ShouldBe(1);
    }
}

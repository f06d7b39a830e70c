using MudBlazor;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>The scenario list's view model on the demo data, without rendering: starting points, ticks to compare, create, duplicate and delete.</summary>
public sealed class ScenariosViewModelTests : IAsyncLifetime
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

    private async Task<ScenariosViewModel> ListAsync(string? focus = null, string email = "consultant@demo.salesspec")
    {
        var model = new ScenariosViewModel(ScenarioServiceTests.Service(_database), new AnalysisService(_database.Access, Clock), (text, severity) => _notices.Add((text, severity)));
        await model.LoadAsync(await _database.MemberOfAsync(email, DemoOrganization.Name), _consultant.OrganizationId, focus);
        return model;
    }

    [Fact]
    public async Task A_workload_in_the_address_starts_the_form_from_its_recommendation()
    {
        var model = await ListAsync(focus: "inboundqualification");

        model.Member.ShouldNotBeNull();
        model.Scenarios.ShouldBeEmpty();
        model.Form.Focus.ShouldBe(Workload.InboundQualification);
        model.Form.Name.ShouldBe($"{Labels.Of(Workload.InboundQualification)} as its own role");
        model.Form.From.ShouldBe("2026-W36");
        model.Form.To.ShouldBe("2026-W47");
        model.Workloads.ShouldContain(Workload.InboundQualification);

        var other = model.Today!.Recommendations.First(r => r.Workload is { } w && w != Workload.InboundQualification);
        model.StartFrom(other);
        model.Form.Focus.ShouldBe(other.Workload);
        model.Form.Name.ShouldBe($"{Labels.Of(other.Workload!.Value)} as its own role");
    }

    [Fact]
    public async Task An_unknown_workload_in_the_address_leaves_the_form_blank_and_a_rep_is_refused()
    {
        var model = await ListAsync(focus: "Juggling");
        model.Form.Focus.ShouldBeNull();
        model.Form.Name.ShouldBe("");

        var rep = await ListAsync(email: "rep@demo.salesspec");
        rep.PageError.ShouldBe(ScenarioService.NotAllowed);
        rep.Member.ShouldBeNull();
    }

    [Fact]
    public async Task Create_duplicate_delete_and_the_ticks_that_build_the_comparison_link()
    {
        var model = await ListAsync(focus: "InboundQualification");
        var created = await model.CreateAsync();
        created.ShouldNotBeNull();
        model.Errors.ShouldBeEmpty();
        model.Busy.ShouldBeFalse();
        model.Board(created.Value).ShouldBe($"/organizations/{_consultant.OrganizationId}/scenarios/{created}");

        model = await ListAsync();
        await model.DuplicateAsync(model.Scenarios.Single());
        model.Scenarios.Count.ShouldBe(2);
        _notices.ShouldBeEmpty();

        model.Select(model.Scenarios[0].Id, true);
        model.Select(model.Scenarios[1].Id, true);
        model.Select(model.Scenarios[0].Id, false);
        model.CompareLink.ShouldBe($"/organizations/{_consultant.OrganizationId}/scenarios/compare?ids={model.Scenarios[1].Id}");

        var second = model.Scenarios[1];
        await model.DeleteAsync(second);
        model.Selected.ShouldBeEmpty();
        model.Scenarios.Count.ShouldBe(1);
        await model.DeleteAsync(second);
        await model.DuplicateAsync(second);
        _notices.ShouldBe([
            ($"Deleted {second.Name}.", Severity.Info),
            ($"{second.Name} was changed or deleted by someone else; the list is reloaded.", Severity.Warning),
            ($"{second.Name} no longer exists.", Severity.Warning),
        ]);
    }

    [Fact]
    public async Task A_refused_name_comes_back_as_an_error_and_nothing_is_created()
    {
        var model = await ListAsync();
        model.Form.Name = "";

        (await model.CreateAsync()).ShouldBeNull();

        model.Errors.ShouldNotBeEmpty();
        (await ScenarioServiceTests.Service(_database).ListAsync(_consultant)).ShouldBeEmpty();
    }
}

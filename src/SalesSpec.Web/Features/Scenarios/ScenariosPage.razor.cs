using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>The saved scenarios of an organisation, and where a new one starts; <see cref="ScenariosViewModel"/> holds both.</summary>
public sealed partial class ScenariosPage
{
    [SupplyParameterFromQuery]
    public string? Focus { get; set; }

    [Inject]
    private ScenarioService Scenarios { get; set; } = null!;

    [Inject]
    private AnalysisService Analysis { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private ScenariosViewModel Model { get; set; } = null!;

    protected override void OnInitialized() =>
        Model = new ScenariosViewModel(Scenarios, Analysis, (text, severity) => Snackbar.Add(text, severity));

    protected override Task OnMemberAsync(MemberAccess? member) =>
        Model.LoadAsync(member, OrganizationId, Focus);

    /// <summary>Creates the scenario the form (already validated) describes, and opens its board.</summary>
    private async Task CreateAsync()
    {
        if (await Model.CreateAsync() is { } created)
        {
            Navigation.NavigateTo(Model.Board(created));
        }
    }
}

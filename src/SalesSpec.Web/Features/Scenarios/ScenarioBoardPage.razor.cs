using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>
/// The scenario board a consultant runs on a projector: reps in role columns, moved by drag and drop
/// (or the card's menu, for the keyboard). The page lays out the board's parts; <see cref="ScenarioBoardViewModel"/>
/// holds the draft and re-runs the numbers on every change.
/// </summary>
public sealed partial class ScenarioBoardPage
{
    [Parameter]
    public int ScenarioId { get; set; }

    [Inject]
    private ScenarioService Scenarios { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private ScenarioBoardViewModel Board { get; set; } = null!;

    protected override void OnInitialized() =>
        Board = new ScenarioBoardViewModel(Scenarios, Clock, (text, severity) => Snackbar.Add(text, severity));

    protected override Task OnMemberAsync(MemberAccess? member) =>
        Board.LoadAsync(member, OrganizationId, ScenarioId);

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (Board.Dirty && !await JS.InvokeAsync<bool>("confirm", "This scenario has unsaved changes. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }
}

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
public sealed partial class ScenarioBoardPage : IAsyncDisposable
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

    // Projector mode: the class hides the app's chrome by itself; the module adds the browser's full screen and Escape.
    private bool _projector;
    private IJSObjectReference? _projectorModule;
    private DotNetObjectReference<ScenarioBoardPage>? _self;
    private bool _disposed;

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

    private async Task ToggleProjectorAsync()
    {
        _projector = !_projector;
        try
        {
            _projectorModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/projector.js");
            if (_projectorModule is null || _disposed)
            {
                // The board closed while the module loaded: DisposeAsync found no module to leave full screen with.
                await LeaveAndReleaseAsync();
                return;
            }
            if (_projector)
            {
                _self ??= DotNetObjectReference.Create(this);
                await _projectorModule.InvokeAsync<bool>("enter", _self);
                if (_disposed)
                {
                    await LeaveAndReleaseAsync();
                }
            }
            else
            {
                await _projectorModule.InvokeVoidAsync("leave");
            }
        }
        catch (JSException)
        {
            // No full screen: the chrome is hidden by the class all the same.
        }
    }

    /// <summary>Escape, or the browser leaving full screen, ends projector mode.</summary>
    [JSInvokable]
    public async Task LeaveProjector()
    {
        if (_projector)
        {
            await InvokeAsync(async () =>
            {
                await ToggleProjectorAsync();
                StateHasChanged();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await LeaveAndReleaseAsync();
        _self?.Dispose();
    }

    /// <summary>Leaving the board leaves full screen too: the next page has its bar and menu back.</summary>
    private async Task LeaveAndReleaseAsync()
    {
        var module = _projectorModule;
        _projectorModule = null;
        if (module is null)
        {
            return;
        }
        try
        {
            await module.InvokeVoidAsync("leave");
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser page with it.
        }
        catch (JSException)
        {
            // Already out of full screen.
        }
    }
}

using SalesSpec.Web.Components.Shared;
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

    protected override Task OnMemberAsync(MemberAccess? member)
    {
        // Another scenario: an offer or a "moves are back" of the last one does not belong here.
        _keptOffered = null;
        _keptRestoredFrom = null;
        return Board.LoadAsync(member, OrganizationId, ScenarioId);
    }

    // Unsaved moves kept in the browser (KeptScenario): a board found over an older saved version waits for a
    // decision; one over the same version is put back at once.
    private BrowserDraft? _kept;
    private KeptScenario? _keptOffered;
    private DateTimeOffset? _keptRestoredFrom;

    private string? KeptKey => Board.Loaded && Board.Member is { } member ? KeptScenario.Key(member.UserId, OrganizationId, ScenarioId) : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Local storage is only there once the page is interactive, which is after a render.
        if (KeptKey is not { } key)
        {
            return;
        }
        _kept ??= new BrowserDraft(JS);
        if (key != _kept.Key)
        {
            _keptOffered = null;
            _keptRestoredFrom = null;
            // Another scenario may have opened while the browser answered: what it kept is not for that one.
            if (KeptScenario.Read(await _kept.OpenAsync(key)) is { } kept && KeptKey == key)
            {
                if (kept.Version == Board.SavedVersion)
                {
                    Board.Restore(kept.Draft);
                    _keptRestoredFrom = Board.Dirty ? kept.SavedAt : null;
                }
                else
                {
                    // Saved elsewhere after these moves: putting them in silently would undo that save.
                    _keptOffered = kept;
                }
                StateHasChanged();
            }
        }
        else if (_keptOffered is null)
        {
            var unsaved = Board.Unsaved(Clock.GetUtcNow());
            await _kept.KeepAsync(unsaved?.Content(), unsaved is null ? null : unsaved.ToJson);
        }
    }

    private void UseKept()
    {
        if (_keptOffered is { } kept)
        {
            _keptOffered = null;
            Board.Restore(kept.Draft);
            _keptRestoredFrom = kept.SavedAt;
        }
    }

    private async Task DiscardKeptAsync()
    {
        _keptOffered = null;
        _keptRestoredFrom = null;
        if (_kept is not null)
        {
            await _kept.ForgetAsync();
        }
        while (Board.CanUndo && Board.Dirty)
        {
            Board.Undo();
        }
    }

    private static string KeptTime(DateTimeOffset at) => at.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

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

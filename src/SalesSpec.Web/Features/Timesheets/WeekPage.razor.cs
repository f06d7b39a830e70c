using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>
/// "My week": a rep's activities grouped by function, one number each, live totals, and the week's
/// review state. A manager opens the same page for a rep of their team.
/// </summary>
public sealed partial class WeekPage
{
    private WeekPageModel _model = null!;
    private Components.WeekGrid? _grid;

    /// <summary>How this person writes decimals (from the browser's language).</summary>
    [CascadingParameter]
    private PersonNumbers? PersonNumbers { get; set; }

    [Parameter]
    public string? Week { get; set; }

    [Parameter]
    public int? RepId { get; set; }

    [Inject]
    private WeekService Weeks { get; set; } = null!;

    [Inject]
    private RepFocusService FocusService { get; set; } = null!;

    [Inject]
    private IValidator<WeekEntry> Validator { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    protected override void OnInitialized() =>
        _model = new WeekPageModel(Weeks, FocusService, Validator, (message, severity) => Snackbar.Add(message, severity))
        {
            DecimalComma = PersonNumbers?.DecimalComma ?? false,
        };

    /// <summary>Saves; a refused save takes the keyboard to the first marked cell.</summary>
    private async Task SaveAsync(bool submit)
    {
        await _model.SaveAsync(submit);
        await FocusRefusedAsync();
    }

    private async Task KeyAsync(string key, bool ctrl)
    {
        await _model.KeyAsync(key, ctrl);
        // Only a key that saved may move the keyboard: Tab and typing elsewhere stay where the person is.
        if (key is "Enter" or "NumpadEnter")
        {
            await FocusRefusedAsync();
        }
    }

    private async Task FocusRefusedAsync()
    {
        if (_model.TakeFirstRefused() is int position && _grid is not null)
        {
            await _grid.FocusAsync(position);
        }
    }

    protected override Task OnMemberAsync(MemberAccess? member)
    {
        // Another week or rep: an offer or a "changes are back" of the last one does not belong here.
        _draftOffered = null;
        _draftRestoredFrom = null;
        return _model.OpenAsync(member, Week, RepId);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_model.Dirty && !await JS.InvokeAsync<bool>("confirm", "This week has unsaved changes. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    // Unsaved edits kept in the browser (WeekDraft): a draft found over an older version of the week waits for a
    // decision; one of the same version is put back at once.
    private BrowserDraft? _kept;
    private WeekDraft? _draftOffered;
    private DateTimeOffset? _draftRestoredFrom;

    private string? DraftKey => _model.View is { } view && _model.Member is { } member
        ? WeekDraft.Key(member.UserId, OrganizationId, view.RepId, view.Week)
        : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Local storage is only there once the page is interactive, which is after a render.
        if (_model.Loading || DraftKey is not { } key)
        {
            return;
        }
        _kept ??= new BrowserDraft(JS);
        if (key != _kept.Key)
        {
            await LookForDraftAsync(_kept, key);
        }
        else if (_draftOffered is null)
        {
            // Undecided, the kept draft stays as it is; otherwise it follows the grid.
            var draft = _model.Draft(Clock.GetUtcNow());
            await _kept.KeepAsync(draft?.Content(), draft is null ? null : draft.ToJson);
        }
    }

    private async Task LookForDraftAsync(BrowserDraft kept, string key)
    {
        _draftOffered = null;
        _draftRestoredFrom = null;
        var draft = WeekDraft.Read(await kept.OpenAsync(key));
        // Another week may have opened while the browser answered: this draft is not for it.
        if (draft is null || DraftKey != key || _model.View is not { } view)
        {
            return;
        }
        if (view.IsReadOnly)
        {
            // Locked or approved since: nothing can go in, so the draft has nowhere to go.
            await kept.ForgetAsync();
            return;
        }
        if (draft.Version == view.Version)
        {
            _model.ApplyDraft(draft);
            _draftRestoredFrom = _model.Dirty ? draft.SavedAt : null;
        }
        else
        {
            // Saved elsewhere after these edits were typed: putting them in silently would undo that save.
            _draftOffered = draft;
        }
        StateHasChanged();
    }

    private void UseOfferedDraft()
    {
        if (_draftOffered is { } draft)
        {
            _draftOffered = null;
            _model.ApplyDraft(draft);
            _draftRestoredFrom = draft.SavedAt;
        }
    }

    private async Task DiscardDraftAsync()
    {
        _draftOffered = null;
        _draftRestoredFrom = null;
        if (_kept is not null)
        {
            await _kept.ForgetAsync();
        }
        if (_model.Dirty)
        {
            await _model.ReloadAsync();
        }
    }

    private static string DraftTime(DateTimeOffset at) => at.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private string LinkTo(IsoWeek week) =>
        RepId is int rep ? WeekLinks.RepWeek(OrganizationId, rep, week) : WeekLinks.MyWeek(OrganizationId, week);
}

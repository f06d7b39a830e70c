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

    protected override Task OnMemberAsync(MemberAccess? member) => _model.OpenAsync(member, Week, RepId);

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_model.Dirty && !await JS.InvokeAsync<bool>("confirm", "This week has unsaved changes. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }

    private string LinkTo(IsoWeek week) =>
        RepId is int rep ? WeekLinks.RepWeek(OrganizationId, rep, week) : WeekLinks.MyWeek(OrganizationId, week);
}

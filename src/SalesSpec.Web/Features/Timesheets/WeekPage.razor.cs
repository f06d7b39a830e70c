using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>
/// "My week": a rep's activities grouped by function, one number each, live totals, and the week's
/// review state. A manager opens the same page for a rep of their team.
/// </summary>
public sealed partial class WeekPage
{
    private WeekView? _view;
    private WeekEntry _entry = new();
    private RepFocus? _focus;
    private MemberAccess? _member;
    private IsoWeek _week;
    private bool _loading = true;
    private bool _busy;
    private bool _dirty;
    private bool _conflict;
    private bool _showAll;
    private string? _pageError;
    private string? _saveError;
    private readonly HashSet<int> _added = [];
    private Dictionary<int, string> _lineErrors = [];
    private List<string> _weekErrors = [];
    private List<string> _warnings = [];

    [Parameter]
    public int OrganizationId { get; set; }

    [Parameter]
    public string? Week { get; set; }

    [Parameter]
    public int? RepId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

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

    // Brings up the number keyboard with a decimal point on phones.
    private const InputMode DecimalInput = InputMode.@decimal;

    private string Title => _view is null ? "Week" : _view.IsOwnWeek ? "My week" : $"{_view.RepName}'s week";

    /// <summary>Rows shown: all when asked, otherwise those not folded away.</summary>
    private List<(WeekEntryLine Line, int Position)> VisibleLines => Lines(position => _showAll || !IsFolded(position));

    private List<(WeekEntryLine Line, int Position)> HiddenLines => Lines(position => !_showAll && IsFolded(position));

    private int HiddenCount => Enumerable.Range(0, _entry.Lines.Count).Count(IsFolded);

    private List<(WeekEntryLine Line, int Position)> Lines(Func<int, bool> shown) =>
        _entry.Lines.Select((line, position) => (line, position)).Where(x => shown(x.position)).ToList();

    /// <summary>
    /// Folded away unless used lately, with hours, added or in error; a rep with no history sees
    /// everything. A closed week shows what was logged, not empty cells that cannot be filled.
    /// </summary>
    private bool IsFolded(int position) =>
        _view!.IsReadOnly
            ? !(_entry.Lines[position].Value > 0m)
            : !(_view.Activities.All(a => !a.UsedRecently) || IsInUse(position) || _lineErrors.ContainsKey(position));

    private bool IsInUse(int position)
    {
        var activity = _view!.Activities[position];
        return activity.UsedRecently || activity.Hours > 0m || _entry.Lines[position].Value > 0m || _added.Contains(activity.ActivityId);
    }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _pageError = null;
        _member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (_member is null)
        {
            _pageError = "This organisation does not exist or you have no access to it.";
        }
        else if ((RepId ?? _member.RepId) is null)
        {
            _pageError = "You are not linked to a rep in this organisation, so you have no week of your own. Managers find their reps on the team week page.";
        }
        else if (Week is not null && !IsoWeek.TryParse(Week, out _))
        {
            _pageError = $"'{Week}' is not a week; use the form 2026-W47.";
        }
        else
        {
            _week = Week is null ? Weeks.CurrentWeek(_member) : IsoWeek.Parse(Week);
            if (_view is not null && (_view.Week != _week || _view.RepId != (RepId ?? _member.RepId)))
            {
                // Another week or rep in the same page instance: the old grid must not stay editable meanwhile.
                _view = null;
                _added.Clear();
                _showAll = false;
            }
            await LoadAsync();
            // The same page instance serves the next week or another rep; the focus belongs to the rep.
            if (_view is not null && _focus?.RepId != _view.RepId)
            {
                _focus = await FocusService.GetAsync(_member, _view.RepId);
            }
        }
        _loading = false;
    }

    private async Task LoadAsync()
    {
        var outcome = await Weeks.GetAsync(_member!, RepId ?? _member!.RepId!.Value, _week);
        _week = outcome.View?.Week ?? _week;
        if (!outcome.Succeeded)
        {
            _pageError = outcome.Message;
            _view = null;
            return;
        }
        Show(outcome.View!);
    }

    private void Show(WeekView view)
    {
        // Every load starts in hours: the stored truth. Percent is a way of entering, not of keeping.
        _view = view;
        _entry = new WeekEntry
        {
            CapacityHours = view.CapacityHours,
            Lines = view.Activities.Select(a => new WeekEntryLine { ActivityId = a.ActivityId, Activity = a.Name, Function = a.Function, Value = a.Hours }).ToList(),
        };
        _dirty = false;
        _conflict = false;
        _saveError = null;
        _lineErrors = [];
        _weekErrors = [];
        _warnings = [];
    }

    private void Change(WeekEntryLine line, decimal? value)
    {
        line.Value = value;
        _dirty = true;
        Validate();
    }

    private void SwitchMode(EntryMode mode)
    {
        _entry.SwitchTo(mode);
        Validate();
    }

    private void Validate()
    {
        var result = Validator.Validate(_entry);
        _lineErrors = result.Errors.Where(e => e.Severity == FluentValidation.Severity.Error && e.PropertyName.StartsWith("Lines[", StringComparison.Ordinal))
            .GroupBy(e => int.Parse(e.PropertyName[6..e.PropertyName.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        _weekErrors = result.Errors.Where(e => e.Severity == FluentValidation.Severity.Error && !e.PropertyName.StartsWith("Lines[", StringComparison.Ordinal))
            .Select(e => e.ErrorMessage).ToList();
        _warnings = result.Errors.Where(e => e.Severity != FluentValidation.Severity.Error).Select(e => e.ErrorMessage).ToList();
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter" && _view is { IsReadOnly: false } && !_busy && !_loading)
        {
            await SaveAsync(submit: e.CtrlKey || e.MetaKey);
        }
    }

    private async Task SaveAsync(bool submit)
    {
        Validate();
        if (_lineErrors.Count > 0 || _weekErrors.Count > 0)
        {
            _saveError = "Fix the marked entries first; nothing was saved.";
            return;
        }
        _busy = true;
        _saveError = null;
        try
        {
            var week = _view!.Week;
            var outcome = await Weeks.SaveAsync(_member!, _view.RepId, week, _entry, _view.Version, submit);
            switch (outcome.Problem)
            {
                case WeekProblem.None:
                    var warnings = outcome.Warnings.Select(w => w.ErrorMessage).ToList();
                    Show(outcome.View!);
                    _warnings = warnings;
                    Snackbar.Add(submit ? $"Week {week} submitted for approval." : $"Draft of {week} saved.", MudBlazor.Severity.Success);
                    _focus = await FocusService.GetAsync(_member!, _view.RepId);
                    break;
                case WeekProblem.Conflict:
                    _conflict = true;
                    break;
                case WeekProblem.Invalid when outcome.Failures.Count > 0:
                    Validate();
                    _saveError = outcome.Message;
                    break;
                default:
                    _saveError = outcome.Message;
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        Snackbar.Add("Reloaded the latest version of the week.", MudBlazor.Severity.Info);
    }

    private Task CopyLastWeekAsync() => FillAsync(_view!.Week.AddWeeks(-1), _view.Week.AddWeeks(-1), $"Nothing was logged in {_view.Week.AddWeeks(-1)} to copy.");

    private Task FillAverageAsync() => FillAsync(_view!.Week.AddWeeks(-4), _view.Week.AddWeeks(-1), "Nothing was logged in the last 4 weeks to average.");

    /// <summary>Pre-fills the grid (unsaved) from earlier weeks, in whichever mode the rep is using.</summary>
    private async Task FillAsync(IsoWeek from, IsoWeek to, string nothing)
    {
        _busy = true;
        try
        {
            var hours = await Weeks.AverageHoursAsync(_member!, _view!.RepId, from, to);
            if (hours is null || hours.Count == 0)
            {
                Snackbar.Add(nothing, MudBlazor.Severity.Info);
                return;
            }
            var mode = _entry.Mode;
            _entry.SwitchTo(EntryMode.Hours);
            foreach (var line in _entry.Lines)
            {
                line.Value = hours.TryGetValue(line.ActivityId, out var h) ? h : null;
            }
            _entry.SwitchTo(mode);
            _dirty = true;
            Validate();
            Snackbar.Add("Filled in — check the numbers, then save.", MudBlazor.Severity.Info);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Clear()
    {
        foreach (var line in _entry.Lines)
        {
            line.Value = null;
        }
        _dirty = true;
        Validate();
    }

    private void AddActivity(int? activityId)
    {
        if (activityId is int id)
        {
            _added.Add(id);
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_dirty && !await JS.InvokeAsync<bool>("confirm", "This week has unsaved changes. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }

    private string LinkTo(IsoWeek week) =>
        RepId is int rep ? WeekLinks.RepWeek(OrganizationId, rep, week) : WeekLinks.MyWeek(OrganizationId, week);

    private decimal FunctionHours(SalesFunction function) => _entry.Lines.Where(l => l.Function == function).Sum(_entry.HoursOf);

    private string PercentOfWeek(decimal hours) =>
        _entry.TotalHours == 0m ? "" : string.Create(CultureInfo.InvariantCulture, $" · {hours / _entry.TotalHours * 100m:0} %");

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string When(DateTimeOffset? at) =>
        at is { } time ? time.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) : "";
}

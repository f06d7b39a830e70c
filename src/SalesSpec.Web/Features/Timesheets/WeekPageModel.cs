using SalesSpec.Domain.TimeLogs;
using FluentValidation;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>
/// What "My week" shows and does, without rendering: the loaded week, the rep's entries in hours or
/// percent, their errors and warnings, which activities are folded away, and saving.
/// </summary>
public sealed class WeekPageModel(WeekService weeks, RepFocusService focusService, IValidator<WeekEntry> validator, Action<string, MudBlazor.Severity> notify)
{
    private readonly HashSet<int> _added = [];
    private Dictionary<int, string> _lineErrors = [];

    // What was typed into a cell, as typed, and why it was refused: kept until the cell reads as a number again, so
    // the cell shows the person's own text beside its message instead of a number it was turned into.
    private readonly Dictionary<int, string> _texts = [];
    private readonly Dictionary<int, string> _typedErrors = [];
    private int _rep;

    public WeekView? View { get; private set; }

    public WeekEntry Entry { get; private set; } = new();

    public RepFocus? Focus { get; private set; }

    public MemberAccess? Member { get; private set; }

    public IsoWeek Week { get; private set; }

    public bool Loading { get; private set; } = true;

    public bool Busy { get; private set; }

    public bool Dirty { get; private set; }

    public bool Conflict { get; private set; }

    public bool ShowAll { get; set; }

    public string? PageError { get; private set; }

    public string? SaveError { get; private set; }

    /// <summary>SaveError says the input was refused (not the server), so fixing the input clears it.</summary>
    private bool _refusedForInput;

    /// <summary>Each refused cell's message: what could not be read as a number first, then the week's rules.</summary>
    public IReadOnlyDictionary<int, string> LineErrors =>
        _typedErrors.Count == 0 ? _lineErrors : _lineErrors.Where(e => !_typedErrors.ContainsKey(e.Key)).Concat(_typedErrors).ToDictionary();

    /// <summary>Whether numbers are shown with a decimal comma (7,5): the browser's language, or the person's choice.</summary>
    public bool DecimalComma { get; set; }

    /// <summary>The first refused cell after a save that was refused, for the page to move the keyboard to; else null.</summary>
    public int? FirstRefused { get; private set; }

    /// <summary>The cell to move the keyboard to, once: the next key press must not pull it back.</summary>
    public int? TakeFirstRefused()
    {
        var position = FirstRefused;
        FirstRefused = null;
        return position;
    }

    /// <summary>A cell's text: as typed while it is being typed or refused, else its number with the person's decimal mark.</summary>
    public string CellText(int position) =>
        _texts.TryGetValue(position, out var text) ? text : TypedNumber.Show(Entry.Lines[position].Value, DecimalComma);

    public IReadOnlyList<string> WeekErrors { get; private set; } = [];

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string Title => View is null ? "Week" : View.IsOwnWeek ? "My week" : $"{View.RepName}'s week";

    public IsoWeek CurrentWeek => weeks.CurrentWeek(Member!);

    /// <summary>Rows shown: all when asked, otherwise those not folded away.</summary>
    public List<(WeekEntryLine Line, int Position)> VisibleLines => Lines(position => ShowAll || !IsFolded(position));

    public List<(WeekEntryLine Line, int Position)> HiddenLines => Lines(position => !ShowAll && IsFolded(position));

    public int HiddenCount => Enumerable.Range(0, Entry.Lines.Count).Count(IsFolded);

    private List<(WeekEntryLine Line, int Position)> Lines(Func<int, bool> shown) =>
        Entry.Lines.Select((line, position) => (line, position)).Where(x => shown(x.position)).ToList();

    /// <summary>
    /// Folded away unless used lately, with hours, added or in error; a rep with no history sees
    /// everything. A closed week shows what was logged, not empty cells that cannot be filled.
    /// </summary>
    private bool IsFolded(int position) =>
        View!.IsReadOnly
            ? !(Entry.Lines[position].Value > 0m)
            : !(View.Activities.All(a => !a.UsedRecently) || IsInUse(position) || _lineErrors.ContainsKey(position) || _typedErrors.ContainsKey(position));

    private bool IsInUse(int position)
    {
        var activity = View!.Activities[position];
        return activity.UsedRecently || activity.Hours > 0m || Entry.Lines[position].Value > 0m || _added.Contains(activity.ActivityId);
    }

    /// <summary>Opens <paramref name="week"/> (the current one when null) of the given rep, or of the member's own rep.</summary>
    public async Task OpenAsync(MemberAccess? member, string? week, int? repId)
    {
        Loading = true;
        PageError = null;
        Member = member;
        if (member is null)
        {
            PageError = OrganizationPage.NoAccessMessage;
        }
        else if ((repId ?? member.RepId) is null)
        {
            PageError = "You are not linked to a rep in this organisation, so you have no week of your own. Managers find their reps on the team week page.";
        }
        else if (week is not null && !IsoWeek.TryParse(week, out _))
        {
            PageError = $"'{week}' is not a week; use the form 2026-W47.";
        }
        else
        {
            _rep = repId ?? member.RepId!.Value;
            Week = week is null ? weeks.CurrentWeek(member) : IsoWeek.Parse(week);
            if (View is not null && (View.Week != Week || View.RepId != _rep))
            {
                // Another week or rep in the same page instance: the old grid must not stay editable meanwhile.
                View = null;
                _added.Clear();
                ShowAll = false;
            }
            await LoadAsync();
            // The same page instance serves the next week or another rep; the focus belongs to the rep.
            if (View is not null && Focus?.RepId != View.RepId)
            {
                Focus = await focusService.GetAsync(member, View.RepId);
            }
        }
        Loading = false;
    }

    private async Task LoadAsync()
    {
        var outcome = await weeks.GetAsync(Member!, _rep, Week);
        Week = outcome.Value?.Week ?? Week;
        if (!outcome.Succeeded)
        {
            PageError = outcome.Message;
            View = null;
            return;
        }
        Show(outcome.Value!);
    }

    private void Show(WeekView view)
    {
        // Every load starts in hours: the stored truth. Percent is a way of entering, not of keeping.
        View = view;
        Entry = new WeekEntry
        {
            CapacityHours = view.CapacityHours,
            Lines = view.Activities.Select(a => new WeekEntryLine { ActivityId = a.ActivityId, Activity = a.Name, Function = a.Function, Value = a.Hours }).ToList(),
        };
        Dirty = false;
        Conflict = false;
        SaveError = null;
        _refusedForInput = false;
        _lineErrors = [];
        ForgetTyping();
        WeekErrors = [];
        Warnings = [];
    }

    private void ForgetTyping()
    {
        _texts.Clear();
        _typedErrors.Clear();
        FirstRefused = null;
    }

    /// <summary>
    /// The text of a cell changed. A number (7.5, 7,5) becomes the line's value; anything else keeps the text, marks
    /// the cell with the reason and leaves the value as it was, so nothing is saved from a guess.
    /// </summary>
    public void Type(int position, string? text)
    {
        var line = Entry.Lines[position];
        _texts[position] = text ?? "";
        Dirty = true;
        if (TypedNumber.TryRead(text, TypedNumber.MaxTypedDecimals, out var value) is { } problem)
        {
            _typedErrors[position] = $"{line.Activity}: {char.ToLowerInvariant(problem[0])}{problem[1..]}";
            // The totals must not count a number the cell no longer shows.
            line.Value = null;
        }
        else
        {
            _typedErrors.Remove(position);
            line.Value = value;
        }
        Validate();
        ForgetRefusalOnceFixed();
    }

    /// <summary>"Fix the marked entries first" goes once nothing is marked, so the page never asks to fix what is fixed.</summary>
    private void ForgetRefusalOnceFixed()
    {
        if (_refusedForInput && LineErrors.Count == 0 && WeekErrors.Count == 0)
        {
            SaveError = null;
            _refusedForInput = false;
        }
    }

    public void SwitchMode(EntryMode mode)
    {
        ForgetTyping();
        Entry.SwitchTo(mode);
        Validate();
        ForgetRefusalOnceFixed();
    }

    private void Validate()
    {
        var result = validator.Review(Entry);
        _lineErrors = result.Errors.Where(e => e.Severity == FluentValidation.Severity.Error && e.PropertyName.StartsWith("Lines[", StringComparison.Ordinal))
            .GroupBy(e => LinePosition(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        WeekErrors = result.Errors.Where(e => e.Severity == FluentValidation.Severity.Error && !e.PropertyName.StartsWith("Lines[", StringComparison.Ordinal))
            .Select(e => e.ErrorMessage).ToList();
        Warnings = result.Errors.Where(e => e.Severity != FluentValidation.Severity.Error).Select(e => e.ErrorMessage).ToList();
    }

    /// <summary>The line a finding is about: "Lines[3].Value" → 3.</summary>
    private static int LinePosition(string propertyName) =>
        int.Parse(propertyName[6..propertyName.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    /// <summary>Enter saves a draft and Ctrl+Enter submits, unless the week cannot take input now.</summary>
    public async Task KeyAsync(string key, bool ctrl)
    {
        if (key is "Enter" or "NumpadEnter" && View is { IsReadOnly: false } && !Busy && !Loading)
        {
            await SaveAsync(submit: ctrl);
        }
    }

    public async Task SaveAsync(bool submit)
    {
        Validate();
        FirstRefused = null;
        if (LineErrors.Count > 0 || WeekErrors.Count > 0)
        {
            FirstRefused = LineErrors.Count > 0 ? LineErrors.Keys.Min() : null;
            _refusedForInput = true;
            SaveError = LineErrors.Count == 1
                ? "Fix the marked entry first; nothing was saved."
                : LineErrors.Count > 1 ? $"Fix the {LineErrors.Count} marked entries first; nothing was saved." : "Fix the week first; nothing was saved.";
            return;
        }
        Busy = true;
        SaveError = null;
        _refusedForInput = false;
        try
        {
            var week = View!.Week;
            var outcome = await weeks.SaveAsync(Member!, View.RepId, week, Entry, View.Version, submit);
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    var warnings = outcome.Warnings.Select(w => w.ErrorMessage).ToList();
                    Show(outcome.Value!);
                    Warnings = warnings;
                    notify(submit ? $"Week {week} submitted for approval." : $"Draft of {week} saved.", MudBlazor.Severity.Success);
                    Focus = await focusService.GetAsync(Member!, View.RepId);
                    break;
                case OutcomeKind.Conflict:
                    Conflict = true;
                    break;
                case OutcomeKind.Invalid when outcome.Findings.Count > 0:
                    Validate();
                    // Rules only the server can apply (hours typed more finely than stored) are marked at their cells too.
                    foreach (var finding in outcome.Findings.Where(f => f.Severity == FluentValidation.Severity.Error && f.PropertyName.StartsWith("Lines[", StringComparison.Ordinal)))
                    {
                        _typedErrors.TryAdd(LinePosition(finding.PropertyName), finding.ErrorMessage);
                    }
                    FirstRefused = LineErrors.Count > 0 ? LineErrors.Keys.Min() : null;
                    SaveError = outcome.Message;
                    break;
                default:
                    SaveError = outcome.Message;
                    break;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    public async Task ReloadAsync()
    {
        await LoadAsync();
        notify("Reloaded the latest version of the week.", MudBlazor.Severity.Info);
    }

    public Task CopyLastWeekAsync() => FillAsync(View!.Week.AddWeeks(-1), View.Week.AddWeeks(-1), $"Nothing was logged in {View.Week.AddWeeks(-1)} to copy.");

    public Task FillAverageAsync() => FillAsync(View!.Week.AddWeeks(-4), View.Week.AddWeeks(-1), "Nothing was logged in the last 4 weeks to average.");

    /// <summary>Pre-fills the grid (unsaved) from earlier weeks, in whichever mode the rep is using.</summary>
    private async Task FillAsync(IsoWeek from, IsoWeek to, string nothing)
    {
        Busy = true;
        try
        {
            var hours = await weeks.AverageHoursAsync(Member!, View!.RepId, from, to);
            if (hours is null || hours.Count == 0)
            {
                notify(nothing, MudBlazor.Severity.Info);
                return;
            }
            var mode = Entry.Mode;
            ForgetTyping();
            Entry.SwitchTo(EntryMode.Hours);
            foreach (var line in Entry.Lines)
            {
                // An average of weeks is a suggestion to check: two decimals, as a person would type it.
                line.Value = hours.TryGetValue(line.ActivityId, out var h) ? decimal.Round(h, TypedNumber.MaxTypedDecimals, MidpointRounding.AwayFromZero) : null;
            }
            Entry.SwitchTo(mode);
            Dirty = true;
            Validate();
            notify("Filled in — check the numbers, then save.", MudBlazor.Severity.Info);
        }
        finally
        {
            Busy = false;
        }
    }

    public void Clear()
    {
        ForgetTyping();
        foreach (var line in Entry.Lines)
        {
            line.Value = null;
        }
        Dirty = true;
        Validate();
    }

    public void AddActivity(int? activityId)
    {
        if (activityId is int id)
        {
            _added.Add(id);
        }
    }

    /// <summary>The unsaved edits as a draft to keep in the browser, or null when there are none (or nothing may be entered).</summary>
    public WeekDraft? Draft(DateTimeOffset now) =>
        Dirty && View is { IsReadOnly: false }
            ? new WeekDraft(View.Version, Entry.Mode,
                Enumerable.Range(0, Entry.Lines.Count).ToDictionary(p => Entry.Lines[p].ActivityId, CellText), now)
            : null;

    /// <summary>
    /// Puts a kept draft's edits into the grid as if typed again: the same reading of each cell, the same marks on
    /// what cannot be saved. Activities the catalogue no longer has are left out.
    /// </summary>
    public void ApplyDraft(WeekDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (View is null || View.IsReadOnly)
        {
            return;
        }
        if (draft.Mode != Entry.Mode)
        {
            SwitchMode(draft.Mode);
        }
        for (var position = 0; position < Entry.Lines.Count; position++)
        {
            if (draft.Cells.TryGetValue(Entry.Lines[position].ActivityId, out var text) && text != CellText(position))
            {
                Type(position, text);
            }
        }
    }

    public decimal FunctionHours(SalesFunction function) => Entry.Lines.Where(l => l.Function == function).Sum(Entry.HoursOf);

    public string PercentOfWeek(decimal hours) =>
        Entry.TotalHours == 0m ? "" : string.Create(CultureInfo.InvariantCulture, $" · {hours / Entry.TotalHours * 100m:0} %");

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    public static string When(DateTimeOffset? at) =>
        at is { } time ? time.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) : "";
}

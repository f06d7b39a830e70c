using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>
/// The scenario board a consultant runs on a projector: reps in role columns, moved by drag and drop
/// (or the card's menu, for the keyboard). Every change re-runs the scenario maths in memory, so the
/// numbers above the board follow each move; nothing is stored until Save, which checks the version.
/// </summary>
public sealed partial class ScenarioBoardPage
{
    private readonly Stack<ScenarioDraft> _undo = new();
    private MemberAccess? _member;
    private string? _pageError;
    private ScenarioWorkspace? _workspace;
    private ScenarioDraft? _draft;
    private ScenarioDraft? _saved;
    private ScenarioOutcome? _outcome;
    private ScenarioOutcome? _todayOutcome;
    private List<BoardCard> _cards = [];
    private BoardSelection _selection = new([], new Dictionary<string, int>());
    private List<string> _teams = [];
    private string? _search;
    private string _team = "";
    private List<ScenarioRole> _columns = [];
    private Dictionary<string, List<Workload>> _candidates = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<string> _errors = [];
    private bool _saving;
    private bool _refreshBoard;
    private MudDropContainer<BoardCard>? _container;
    private MudForm? _hireForm;
    private HireForm _hire = new();

    [Parameter]
    public int OrganizationId { get; set; }

    [Parameter]
    public int ScenarioId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ScenarioService Scenarios { get; set; } = null!;

    [Inject]
    private IValidator<HireForm> HireValidator { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private bool Dirty => _draft is not null && _saved is not null && Signature(_draft) != Signature(_saved);

    private string ListLink => $"/organizations/{OrganizationId}/scenarios";

    private string CompareLink => $"{ListLink}/compare?ids={ScenarioId}";

    private string ReportLink => $"{ListLink}/{ScenarioId}/report";

    private string ExportBase => $"/api/v1/organizations/{OrganizationId}/scenarios/{ScenarioId}/export";

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Scenarios", ListLink),
        new(_draft?.Name ?? "Scenario", null, disabled: true),
    ];

    /// <summary>The candidates of the recommendation the scenario started from.</summary>
    private List<string> FocusCandidates =>
        _draft?.Focus is { } focus && _workspace is not null
            ? _workspace.Today.Recommendations.Where(r => r.Workload == focus && r.Candidates is not null).SelectMany(r => r.Candidates!).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];

    /// <summary>The role whose core is the focus workload (the first by name when there are several).</summary>
    private string? FocusRole =>
        _draft?.Focus is { } focus ? _columns.FirstOrDefault(r => r.IsAnalysed && r.CoreWorkload == focus)?.Name : null;

    /// <summary>For the focus workload: its specialists in the scenario against the people its demand needs at full capacity.</summary>
    private (Workload Workload, int People, int Needed, decimal Demand, decimal PerPerson)? FocusNeed
    {
        get
        {
            if (_draft?.Focus is not { } focus || _outcome?.Workloads.FirstOrDefault(w => w.Workload == focus) is not { } outlook || _workspace is null)
            {
                return null;
            }
            var perPerson = _workspace.Baseline.StandardWeeklyHours * (1 - ScenarioModel.AllowedNonCore);
            var needed = perPerson == 0 ? 0 : (int)Math.Ceiling(outlook.Demand / perPerson);
            return (focus, outlook.People, needed, outlook.Demand, perPerson);
        }
    }

    private IEnumerable<DateOnly> StartMonths
    {
        get
        {
            // Months of the organisation's calendar, as its weeks are.
            var today = _member?.Today(Clock) ?? DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
            var first = new DateOnly(today.Year, today.Month, 1);
            var months = Enumerable.Range(-1, 25).Select(first.AddMonths).ToList();
            if (_draft is not null && !months.Contains(_draft.StartMonth))
            {
                months.Insert(0, _draft.StartMonth);
            }
            return months;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _pageError = null;
        _workspace = null;
        var (member, refusal) = await Scenarios.PlannerAsync((await AuthenticationState).User, OrganizationId);
        if (member is null)
        {
            _pageError = refusal;
            return;
        }
        _member = member;
        var workspace = await Scenarios.OpenAsync(member, ScenarioId);
        if (workspace is null)
        {
            _pageError = "This scenario does not exist (it may have been deleted).";
            return;
        }
        _workspace = workspace;
        var order = Templates.WorkloadsOf(workspace.Baseline.Template).ToList();
        _columns = workspace.Baseline.Roles
            .OrderBy(r => r.IsAnalysed ? 0 : 1).ThenBy(r => order.IndexOf(r.CoreWorkload)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        _candidates = workspace.Today.Recommendations
            .Where(r => r.Workload is not null && r.Candidates is not null)
            .SelectMany(r => r.Candidates!.Select(c => (Email: c, Workload: r.Workload!.Value)))
            .GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Workload).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        _teams = workspace.Baseline.Reps.Select(r => r.Team).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        _todayOutcome = workspace.TodayOutcome();
        _undo.Clear();
        _saved = workspace.Draft;
        _hire = new HireForm { Role = FocusRole ?? "" };
        Show(workspace.Draft);
    }

    /// <summary>Shows a draft: recomputes the numbers and rebuilds the cards.</summary>
    private void Show(ScenarioDraft draft)
    {
        _draft = draft;
        _outcome = _workspace!.Evaluate(draft);
        _cards = BoardView.Cards(_workspace.Baseline, draft.Roles, _candidates, _outcome);
        Reselect();
    }

    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || !string.IsNullOrEmpty(_team);

    // Filtering is in memory and draws a bounded number of cards, so it runs on every keystroke: no debounce,
    // whose pending text a re-render can swallow.
    private void SearchChanged(string? text)
    {
        _search = text;
        Reselect();
    }

    private void TeamChanged(string team)
    {
        _team = team;
        Reselect();
    }

    private void Reselect()
    {
        _selection = BoardView.Select(_cards, _search, _team);
        _refreshBoard = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The drop zones keep their own lists: they are told to re-read the cards once the container has them.
        if (_refreshBoard && _container is not null)
        {
            _refreshBoard = false;
            _container.Refresh();
        }
    }

    private void Apply(ScenarioDraft next)
    {
        _undo.Push(_draft!);
        _errors = [];
        Show(next);
    }

    private void Dropped(MudItemDropInfo<BoardCard> drop)
    {
        if (drop.Item is { } card && drop.DropzoneIdentifier is { } role && !string.Equals(card.Role, role, StringComparison.OrdinalIgnoreCase))
        {
            Move(card.Email, role);
        }
    }

    private void Move(string email, string role) => MoveAll([email], role);

    private void MoveAll(IEnumerable<string> emails, string role)
    {
        var current = _workspace!.Baseline.Reps.ToDictionary(r => r.Email, r => r.CurrentRole, StringComparer.OrdinalIgnoreCase);
        var roles = _draft!.Roles.ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var email in emails.Where(current.ContainsKey))
        {
            // Back in their own role, a rep is no longer a move.
            if (string.Equals(current[email], role, StringComparison.OrdinalIgnoreCase))
            {
                roles.Remove(email);
            }
            else
            {
                roles[email] = role;
            }
        }
        Apply(_draft with { Roles = roles });
    }

    private void MoveCandidates()
    {
        if (FocusRole is { } role)
        {
            MoveAll(FocusCandidates, role);
        }
    }

    private async Task AddHireAsync()
    {
        await _hireForm!.ValidateAsync();
        if (!_hireForm.IsValid)
        {
            return;
        }
        var hire = new ScenarioHire(_hire.Role, _hire.Count, _hire.Internal, _hire.StartMonth - 1);
        Apply(_draft! with { Hires = [.. _draft.Hires, hire] });
    }

    private void RemoveHire(ScenarioHire hire)
    {
        var hires = _draft!.Hires.ToList();
        hires.Remove(hire);
        Apply(_draft with { Hires = hires });
    }

    private void ChangeStart(DateOnly month) => Apply(_draft! with { StartMonth = month });

    private void ChangeHandOff((string Key, string Label) change)
    {
        var labels = _draft!.HandOffs.ToDictionary(StringComparer.Ordinal);
        // Cleared, a hand-off point goes back to its default.
        if (string.IsNullOrWhiteSpace(change.Label))
        {
            labels.Remove(change.Key);
        }
        else
        {
            labels[change.Key] = change.Label.Trim();
        }
        Apply(_draft with { HandOffs = labels });
    }

    private void Rename(string name) => Apply(_draft! with { Name = name ?? "" });

    private void ChangeNotes(string notes) => Apply(_draft! with { Notes = notes ?? "" });

    private void Undo()
    {
        if (_undo.TryPop(out var previous))
        {
            _errors = [];
            Show(previous);
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            // Drafts on the undo stack carry older versions: what counts is the version last read or saved.
            var result = await Scenarios.SaveAsync(_member!, _draft! with { Version = _saved!.Version });
            _errors = result.Errors;
            if (result.Saved)
            {
                _draft = _draft! with { Version = result.Version };
                _saved = _draft;
                Snackbar.Add("Scenario saved.", MudBlazor.Severity.Success);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (Dirty && !await JS.InvokeAsync<bool>("confirm", "This scenario has unsaved changes. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }

    private static string Signature(ScenarioDraft draft) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            draft.Name,
            draft.Notes,
            draft.StartMonth,
            Roles = draft.Roles.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToList(),
            draft.Hires,
            HandOffs = draft.HandOffs.OrderBy(h => h.Key, StringComparer.Ordinal).ToList(),
        });
}

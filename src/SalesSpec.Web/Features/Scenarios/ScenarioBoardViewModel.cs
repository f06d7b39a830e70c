using MudBlazor;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>
/// The state of the scenario board and what a consultant does to it. Every change re-runs the scenario
/// maths in memory, so the numbers follow each move; nothing is stored until Save, which checks the version.
/// </summary>
/// <param name="notify">Tells the consultant an outcome (the page shows it in a snackbar).</param>
public sealed class ScenarioBoardViewModel(ScenarioService scenarios, TimeProvider clock, Action<string, Severity> notify)
{
    private readonly Stack<ScenarioDraft> _undo = new();
    private MemberAccess? _member;
    private ScenarioDraft? _saved;
    private Dictionary<string, List<Workload>> _candidates = new(StringComparer.OrdinalIgnoreCase);

    public int OrganizationId { get; private set; }

    public int ScenarioId { get; private set; }

    public string? PageError { get; private set; }

    public ScenarioWorkspace? Workspace { get; private set; }

    public ScenarioDraft? Draft { get; private set; }

    public ScenarioOutcome? Outcome { get; private set; }

    public ScenarioOutcome? TodayOutcome { get; private set; }

    public IReadOnlyList<BoardCard> Cards { get; private set; } = [];

    public BoardSelection Selection { get; private set; } = new([], new Dictionary<string, int>());

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public string? Search { get; private set; }

    public string Team { get; private set; } = "";

    /// <summary>Role columns: analysed roles first, in the template's workload order, then by name.</summary>
    public IReadOnlyList<ScenarioRole> Columns { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Saving { get; private set; }

    /// <summary>Set when the cards change; the board's drop zones re-read them once drawn.</summary>
    public bool RefreshPending { get; set; }

    public HireForm Hire { get; private set; } = new();

    public bool Loaded => Workspace is not null && Draft is not null && Outcome is not null && TodayOutcome is not null;

    public bool CanUndo => _undo.Count > 0;

    public bool Dirty => Draft is not null && _saved is not null && Signature(Draft) != Signature(_saved);

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrEmpty(Team);

    public string ListLink => $"/organizations/{OrganizationId}/scenarios";

    public string CompareLink => $"{ListLink}/compare?ids={ScenarioId}";

    public string ReportLink => $"{ListLink}/{ScenarioId}/report";

    public string ExportBase => $"/api/v1/organizations/{OrganizationId}/scenarios/{ScenarioId}/export";

    public List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Scenarios", ListLink),
        new(Draft?.Name ?? "Scenario", null, disabled: true),
    ];

    /// <summary>The candidates of the recommendation the scenario started from.</summary>
    public List<string> FocusCandidates =>
        Draft?.Focus is { } focus && Workspace is not null
            ? Workspace.Today.Recommendations.Where(r => r.Workload == focus && r.Candidates is not null).SelectMany(r => r.Candidates!).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];

    /// <summary>The role whose core is the focus workload (the first by name when there are several).</summary>
    public string? FocusRole =>
        Draft?.Focus is { } focus ? Columns.FirstOrDefault(r => r.IsAnalysed && r.CoreWorkload == focus)?.Name : null;

    /// <summary>Whether every candidate already sits in the focus role (or there is no such role).</summary>
    public bool CandidatesPlaced =>
        FocusRole is null || FocusCandidates.All(c => string.Equals(Draft!.Roles.GetValueOrDefault(c), FocusRole, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// For the focus workload: its specialists in the scenario against the headcount its weekly hours suggest — the
    /// analyzer's own rule (<see cref="WorkloadAnalyzer.SuggestedHeadcount"/>), so a scenario started from a
    /// recommendation counts against the very number the dashboard, the report and the exports show.
    /// </summary>
    public (Workload Workload, int People, int Needed, decimal Demand, decimal PerPerson)? FocusNeed
    {
        get
        {
            if (Draft?.Focus is not { } focus || Outcome?.Workloads.FirstOrDefault(w => w.Workload == focus) is not { } outlook || Workspace is null)
            {
                return null;
            }
            var standard = Workspace.Baseline.StandardWeeklyHours;
            return (focus, outlook.People, WorkloadAnalyzer.SuggestedHeadcount(outlook.Demand, standard), outlook.Demand, standard);
        }
    }

    public IEnumerable<DateOnly> StartMonths
    {
        get
        {
            // Months of the organisation's calendar, as its weeks are.
            var today = _member?.Today(clock) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var first = new DateOnly(today.Year, today.Month, 1);
            var months = Enumerable.Range(-1, 25).Select(first.AddMonths).ToList();
            if (Draft is not null && !months.Contains(Draft.StartMonth))
            {
                months.Insert(0, Draft.StartMonth);
            }
            return months;
        }
    }

    public async Task LoadAsync(MemberAccess? member, int organizationId, int scenarioId)
    {
        OrganizationId = organizationId;
        ScenarioId = scenarioId;
        PageError = null;
        Workspace = null;
        if (!ScenarioService.MayPlan(member, out var refusal))
        {
            PageError = refusal;
            return;
        }
        _member = member;
        var workspace = await scenarios.OpenAsync(member, scenarioId);
        if (workspace is null)
        {
            PageError = "This scenario does not exist (it may have been deleted).";
            return;
        }
        Open(workspace);
    }

    /// <summary>Lays out a freshly read scenario: columns, candidates and teams, with nothing to undo.</summary>
    public void Open(ScenarioWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Workspace = workspace;
        var order = Templates.WorkloadsOf(workspace.Baseline.Template).ToList();
        Columns = workspace.Baseline.Roles
            .OrderBy(r => r.IsAnalysed ? 0 : 1).ThenBy(r => order.IndexOf(r.CoreWorkload)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        _candidates = workspace.Today.Recommendations
            .Where(r => r.Workload is not null && r.Candidates is not null)
            .SelectMany(r => r.Candidates!.Select(c => (Email: c, Workload: r.Workload!.Value)))
            .GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Workload).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        Teams = workspace.Baseline.Reps.Select(r => r.Team).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        TodayOutcome = workspace.TodayOutcome();
        _undo.Clear();
        _saved = workspace.Draft;
        Show(workspace.Draft);
        // After the draft is shown, so the focus role is known: new people usually go where the plan is heading.
        Hire = new HireForm { Role = FocusRole ?? Columns.FirstOrDefault(r => r.IsAnalysed)?.Name ?? "" };
    }

    /// <summary>Shows a draft: recomputes the numbers and rebuilds the cards.</summary>
    private void Show(ScenarioDraft draft)
    {
        Draft = draft;
        Outcome = Workspace!.Evaluate(draft);
        Cards = BoardView.Cards(Workspace.Baseline, draft.Roles, _candidates, Outcome);
        Reselect();
    }

    // Filtering is in memory and draws a bounded number of cards, so it runs on every keystroke: no debounce,
    // whose pending text a re-render can swallow.
    public void SearchFor(string? text)
    {
        Search = text;
        Reselect();
    }

    public void ShowTeam(string team)
    {
        Team = team;
        Reselect();
    }

    private void Reselect()
    {
        Selection = BoardView.Select(Cards, Search, Team);
        RefreshPending = true;
    }

    private void Apply(ScenarioDraft next)
    {
        _undo.Push(Draft!);
        Errors = [];
        Show(next);
    }

    public void Move((string Email, string Role) move) => MoveAll([move.Email], move.Role);

    private void MoveAll(IEnumerable<string> emails, string role)
    {
        var current = Workspace!.Baseline.Reps.ToDictionary(r => r.Email, r => r.CurrentRole, StringComparer.OrdinalIgnoreCase);
        var roles = Draft!.Roles.ToDictionary(StringComparer.OrdinalIgnoreCase);
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
        Apply(Draft with { Roles = roles });
    }

    public void MoveCandidates()
    {
        if (FocusRole is { } role)
        {
            MoveAll(FocusCandidates, role);
        }
    }

    /// <summary>Adds the line of new people typed in <see cref="Hire"/>; the form has validated it.</summary>
    public void AddHire()
    {
        var hire = new ScenarioHire(Hire.Role, Hire.Count, Hire.Internal, Hire.StartMonth - 1);
        Apply(Draft! with { Hires = [.. Draft.Hires, hire] });
    }

    public void RemoveHire(ScenarioHire hire)
    {
        var hires = Draft!.Hires.ToList();
        hires.Remove(hire);
        Apply(Draft with { Hires = hires });
    }

    public void ChangeStart(DateOnly month) => Apply(Draft! with { StartMonth = month });

    public void ChangeHandOff((string Key, string Label) change)
    {
        var labels = Draft!.HandOffs.ToDictionary(StringComparer.Ordinal);
        // Cleared, a hand-off point goes back to its default.
        if (string.IsNullOrWhiteSpace(change.Label))
        {
            labels.Remove(change.Key);
        }
        else
        {
            labels[change.Key] = change.Label.Trim();
        }
        Apply(Draft with { HandOffs = labels });
    }

    public void Rename(string name) => Apply(Draft! with { Name = name ?? "" });

    public void ChangeNotes(string notes) => Apply(Draft! with { Notes = notes ?? "" });

    /// <summary>The unsaved board to keep in the browser (over the version last read or saved), or null when all is saved.</summary>
    public KeptScenario? Unsaved(DateTimeOffset now) =>
        Dirty && Loaded ? new KeptScenario(_saved!.Version, Draft! with { Version = _saved.Version }, now) : null;

    /// <summary>Who has the board open.</summary>
    public MemberAccess? Member => _member;

    /// <summary>The version last read or saved.</summary>
    public int? SavedVersion => _saved?.Version;

    /// <summary>Puts a kept board back as one more change (so Undo takes it off again). Nothing when it is what is saved.</summary>
    public void Restore(ScenarioDraft kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        if (!Loaded)
        {
            return;
        }
        var next = kept with { Id = ScenarioId, Version = _saved!.Version, Focus = Draft!.Focus };
        if (Signature(next) != Signature(Draft))
        {
            Apply(next);
        }
    }

    public void Undo()
    {
        if (_undo.TryPop(out var previous))
        {
            Errors = [];
            Show(previous);
        }
    }

    public async Task SaveAsync()
    {
        Saving = true;
        try
        {
            // Drafts on the undo stack carry older versions: what counts is the version last read or saved.
            var result = await scenarios.SaveAsync(_member!, Draft! with { Version = _saved!.Version });
            Errors = result.Errors;
            if (result.Succeeded)
            {
                Draft = Draft! with { Version = result.Value };
                _saved = Draft;
                notify("Scenario saved.", Severity.Success);
            }
        }
        finally
        {
            Saving = false;
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

using MudBlazor;
using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>
/// The scenario list and the form that starts a scenario: saved scenarios to open, duplicate, delete or tick
/// for comparison, and today's analysis to start from.
/// </summary>
/// <param name="notify">Tells the planner an outcome (the page shows it in a snackbar).</param>
public sealed class ScenariosViewModel(ScenarioService scenarios, AnalysisService analysis, Action<string, Severity> notify)
{
    private readonly HashSet<int> _selected = [];

    public int OrganizationId { get; private set; }

    public MemberAccess? Member { get; private set; }

    public string? PageError { get; private set; }

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public IReadOnlyCollection<int> Selected => _selected;

    /// <summary>Today's analysis over the default period; null when there is nothing to analyse.</summary>
    public AnalysisResult? Today { get; private set; }

    public IReadOnlyList<Workload> Workloads { get; private set; } = [];

    public NewScenarioForm Form { get; private set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Busy { get; private set; }

    public string CompareLink => $"/organizations/{OrganizationId}/scenarios/compare?ids={string.Join(",", Scenarios.Where(s => _selected.Contains(s.Id)).Select(s => s.Id))}";

    public string Board(int id) => $"/organizations/{OrganizationId}/scenarios/{id}";

    /// <param name="focus">A workload named in the address (from the dashboard's "Plan it in a scenario").</param>
    public async Task LoadAsync(MemberAccess? member, int organizationId, string? focus)
    {
        OrganizationId = organizationId;
        Member = null;
        PageError = null;
        if (!ScenarioService.MayPlan(member, out var refusal))
        {
            PageError = refusal;
            return;
        }
        var (from, to) = analysis.DefaultPeriod(member);
        var outcome = await analysis.AnalyzeAsync(member, from, to);
        Today = outcome.Result;
        Workloads = Today is null ? [] : Today.Workloads.Select(w => w.Workload).ToList();
        Form = new NewScenarioForm { From = from.ToString(), To = to.ToString() };
        if (Enum.TryParse<Workload>(focus, ignoreCase: true, out var workload) && Workloads.Contains(workload))
        {
            var recommendation = Today?.Recommendations.FirstOrDefault(r => r.Workload == workload);
            Form.Focus = workload;
            Form.Name = recommendation is null ? "" : Suggested(workload);
        }
        Scenarios = await scenarios.ListAsync(member);
        Member = member;
    }

    private static string Suggested(Workload workload) => $"{Labels.Of(workload)} as its own role";

    public void StartFrom(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        Form.Focus = recommendation.Workload;
        Form.Name = Suggested(recommendation.Workload!.Value);
    }

    public void Select(int id, bool on)
    {
        if (on)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    /// <summary>Creates the scenario of <see cref="Form"/>, which the form has validated; its id, or null with <see cref="Errors"/>.</summary>
    public async Task<int?> CreateAsync()
    {
        Busy = true;
        try
        {
            var created = await scenarios.CreateAsync(Member!, Form);
            Errors = created.Errors;
            return created.Succeeded ? created.Value : null;
        }
        finally
        {
            Busy = false;
        }
    }

    public async Task DuplicateAsync(ScenarioSummary scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Busy = true;
        try
        {
            if (await scenarios.DuplicateAsync(Member!, scenario.Id) is null)
            {
                notify($"{scenario.Name} no longer exists.", Severity.Warning);
            }
            Scenarios = await scenarios.ListAsync(Member!);
        }
        finally
        {
            Busy = false;
        }
    }

    public async Task DeleteAsync(ScenarioSummary scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Busy = true;
        try
        {
            if (await scenarios.DeleteAsync(Member!, scenario.Id, scenario.Version))
            {
                notify($"Deleted {scenario.Name}.", Severity.Info);
            }
            else
            {
                notify($"{scenario.Name} was changed or deleted by someone else; the list is reloaded.", Severity.Warning);
            }
            _selected.Remove(scenario.Id);
            Scenarios = await scenarios.ListAsync(Member!);
        }
        finally
        {
            Busy = false;
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Dashboard;

/// <summary>
/// The VP's Monday page: where the time goes, what to break out, who is stretched. Scope and period
/// live in the address so a view can be bookmarked; the what-if threshold re-runs the analyzer in
/// memory on the aggregated hours, without asking the database again.
/// </summary>
public sealed partial class DashboardPage
{
    private static readonly int[] QuickPicks = [4, 12, 26, 52];

    private MemberAccess? _member;
    private AnalysisInput? _input;
    private AnalysisResult? _result;
    private DashboardFigures? _figures;
    private Recommendation? _caution;
    private IReadOnlyList<string> _teams = [];
    private Dictionary<string, string> _repNames = [];
    private RepFocus? _repFocus;
    private string? _drillDown;
    private string? _pageError;
    private bool _loading = true;
    private bool _repOnly;
    private decimal _threshold;
    private AnalysisInput? _whatIfInput;

    [Parameter]
    public int OrganizationId { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    /// <summary>Text, not a number: a hand-edited address like ?weeks=abc gets a message, not a crash.</summary>
    [SupplyParameterFromQuery(Name = "weeks")]
    public string? Weeks { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    [Inject]
    private AnalysisService Analysis { get; set; } = null!;

    [Inject]
    private DashboardService Dashboard { get; set; } = null!;

    [Inject]
    private RepFocusService FocusService { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private FluentValidation.IValidator<AnalysisQuery> PeriodValidator { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private decimal SavedThreshold => _input?.Threshold ?? Domain.Organizations.Organization.DefaultThreshold;

    private int SliderMin => (int)Math.Min(10m, decimal.Floor(SavedThreshold * 100m));

    private int SliderMax => (int)Math.Max(30m, decimal.Ceiling(SavedThreshold * 100m));

    private string? FromParameter => string.IsNullOrWhiteSpace(From) ? null : From.Trim();

    private string? ToParameter => string.IsNullOrWhiteSpace(To) ? null : To.Trim();

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _pageError = null;
        _drillDown = null;
        _repOnly = false;
        _repFocus = null;
        // The old figures go while the new scope or period loads, so nothing stale is on screen.
        _result = null;
        _member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (_member is null)
        {
            _pageError = "This organisation does not exist or you have no access to it.";
        }
        else if (!_member.MaySeeAnalysis)
        {
            _repOnly = true;
            _repFocus = _member.RepId is int rep ? await FocusService.GetAsync(_member, rep) : null;
        }
        else
        {
            await AnalyzeAsync();
        }
        _loading = false;
    }

    private async Task AnalyzeAsync()
    {
        _teams = await Dashboard.TeamsAsync(_member!);
        var team = string.IsNullOrWhiteSpace(Team) ? null : Team;
        if (team is null && !_member!.SeesWholeOrganization)
        {
            // Managers analyse their own teams; start them on the first one.
            team = _teams.Count > 0 ? _teams[0] : null;
            if (team is null)
            {
                _pageError = "You manage no team yet, so there is nothing to analyse. An Admin assigns teams on the Members page.";
                return;
            }
        }
        var (period, problem) = await PeriodAsync();
        if (problem is not null)
        {
            _pageError = problem;
            return;
        }
        AnalysisOutcome outcome;
        try
        {
            outcome = await Analysis.AnalyzeAsync(_member!, period.From, period.To, team);
        }
        catch (DomainRuleException e)
        {
            _pageError = e.Message;
            return;
        }
        if (outcome.Result is null)
        {
            _pageError = outcome.ForbiddenReason
                ?? (outcome.KnownTeams is { } known ? $"There is no team named '{team}'. Teams: {string.Join(", ", known)}." : "This organisation does not exist.");
            return;
        }
        _input = outcome.Input;
        _whatIfInput = _input;
        _repNames = _input!.Reps.ToDictionary(r => r.Email, r => r.Name);
        _threshold = SavedThreshold;
        Show(outcome.Result);
    }

    /// <summary>
    /// The period from the address: explicit weeks (checked by the API's own validator), or the last N
    /// complete weeks (12 by default).
    /// </summary>
    private async Task<((IsoWeek From, IsoWeek To) Period, string? Problem)> PeriodAsync()
    {
        var (_, lastComplete) = Analysis.DefaultPeriod(_member!);
        if (FromParameter is null && ToParameter is null)
        {
            var weeks = AnalysisService.DefaultWeeks;
            if (!string.IsNullOrWhiteSpace(Weeks) && (!int.TryParse(Weeks, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < 1 or > AnalysisQueryValidator.MaxWeeks))
            {
                return (default, $"'{Weeks}' is not a number of weeks: use 1 to {AnalysisQueryValidator.MaxWeeks}.");
            }
            return ((lastComplete.AddWeeks(-(weeks - 1)), lastComplete), null);
        }
        var query = new AnalysisQuery(FromParameter ?? lastComplete.ToString(), ToParameter ?? lastComplete.ToString(), null);
        var validation = await PeriodValidator.ValidateAsync(query);
        return validation.IsValid
            ? ((IsoWeek.Parse(query.From!), IsoWeek.Parse(query.To!)), null)
            : (default, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
    }

    private void Show(AnalysisResult result)
    {
        _result = result;
        _figures = DashboardFigures.From(result);
        _caution = result.Recommendations.FirstOrDefault(r => r.Kind == RecommendationKind.SpecializationCaution);
    }

    private void ChangeThreshold(int percent) => ChangeThreshold(percent / 100m);

    private void ChangeThreshold(decimal threshold)
    {
        _threshold = threshold;
        // Kept, so the rep details below follow the same what-if line as the rest of the page.
        _whatIfInput = _input! with { Threshold = threshold };
        Show(WorkloadAnalyzer.Analyze(_whatIfInput));
    }

    private void ShowRep(string email) => _drillDown = email;

    private void ChooseTeam(string team) => Navigation.NavigateTo(Link(team: team, keepTeam: false));

    private string Link(int? weeks = null, string? team = null, bool keepTeam = true)
    {
        var chosenTeam = keepTeam ? _input?.Team : team;
        // Switching the team keeps an exact period; a quick pick replaces it.
        var query = weeks is null && _result is not null && (FromParameter is not null || ToParameter is not null)
            ? new List<string> { $"from={_result.From}", $"to={_result.To}" }
            : [string.Create(CultureInfo.InvariantCulture, $"weeks={weeks ?? _result?.Weeks ?? AnalysisService.DefaultWeeks}")];
        if (!string.IsNullOrEmpty(chosenTeam))
        {
            query.Add("team=" + Uri.EscapeDataString(chosenTeam));
        }
        return string.Create(CultureInfo.InvariantCulture, $"/organizations/{OrganizationId}/dashboard?{string.Join('&', query)}");
    }

    private string ExportLink(string format)
    {
        var path = format == "csv" ? "analysis.csv" : "analysis";
        var link = string.Create(CultureInfo.InvariantCulture, $"/api/v1/organizations/{OrganizationId}/{path}?from={_result!.From}&to={_result.To}");
        return _input!.Team is null ? link : link + "&team=" + Uri.EscapeDataString(_input!.Team);
    }

    private string? ScenarioLink(Recommendation recommendation) =>
        _member?.MayPlanScenarios == true && _input?.Team is null && recommendation.Workload is { } workload
        && recommendation.Kind is RecommendationKind.SplitOutRole or RecommendationKind.AddSpecialistCapacity
            ? $"/organizations/{OrganizationId}/scenarios?focus={workload}"
            : null;

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");

    // Consultants do not review timesheets, so the team week is not theirs to open.
    private bool MayOpenTeamWeek => _member?.MayReviewSomeTeam == true;

    private string Name(string email) => _repNames.TryGetValue(email, out var name) ? name : email;

}

using FluentValidation;
using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Dashboard.Services;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Dashboard;

/// <summary>
/// What the dashboard shows, without rendering: the scope and period read from the address, the
/// analysis, the what-if threshold re-run in memory, the rep opened in detail, and the links that
/// keep a view bookmarkable.
/// </summary>
public sealed class DashboardPageModel(AnalysisService analysis, DashboardService dashboard, RepFocusService focusService, IValidator<AnalysisQuery> periodValidator)
{
    public static readonly IReadOnlyList<int> QuickPicks = [4, 12, 26, 52];

    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    // The analysis at the organisation's line, shared with every circuit through the cache: the slider re-runs from it.
    private AnalysisOutcome? _analysis;
    private IReadOnlyDictionary<string, string> _repNames = NoNames;
    private IReadOnlyList<RepWeekHours> _drillHours = [];
    private int _organizationId;
    private string? _team;
    private string? _weeks;

    // What the analysis on screen was opened with: an address that differs from it only in its line keeps the page.
    private (string? UserId, int Organization, string? Team, string? Weeks, string? From, string? To)? _opened;

    public MemberAccess? Member { get; private set; }

    public AnalysisInput? Input { get; private set; }

    public AnalysisResult? Result { get; private set; }

    public DashboardFigures? Figures { get; private set; }

    public Recommendation? Caution { get; private set; }

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RepNames => _repNames;

    public RepFocus? RepFocus { get; private set; }

    /// <summary>The email of the rep opened in detail, if any.</summary>
    public string? DrillDown { get; private set; }

    public string? PageError { get; private set; }

    public bool Loading { get; private set; } = true;

    public bool RepOnly { get; private set; }

    public decimal Threshold { get; private set; }

    public AnalysisInput? WhatIfInput { get; private set; }

    public string? FromParameter { get; private set; }

    public string? ToParameter { get; private set; }

    public decimal SavedThreshold => Input?.Threshold ?? Domain.Organizations.Organization.DefaultThreshold;

    public int SliderMin => (int)Math.Min(10m, decimal.Floor(SavedThreshold * 100m));

    public int SliderMax => (int)Math.Max(30m, decimal.Ceiling(SavedThreshold * 100m));

    // Consultants do not review timesheets, so the team week is not theirs to open.
    public bool MayOpenTeamWeek => Member?.MayReviewSomeTeam == true;

    public IEnumerable<Recommendation> Recommendations => Result!.Recommendations.Where(r => r.Kind != RecommendationKind.SpecializationCaution);

    /// <summary>
    /// Analyses the scope and period the address asks for, at its what-if <paramref name="line"/> (percent) if it has
    /// one; <paramref name="weeks"/> is text so ?weeks=abc gets a message.
    /// </summary>
    public async Task OpenAsync(MemberAccess? member, int organizationId, string? team, string? weeks, string? from, string? to, string? line = null)
    {
        var asked = (member?.UserId, organizationId, team, weeks, from, to);
        if (_opened == asked && Result is not null && PageError is null)
        {
            // Only the line changed (the slider writes it into the address): move it, and keep the rep opened.
            await ApplyLineAsync(line);
            return;
        }
        Loading = true;
        PageError = null;
        DrillDown = null;
        RepOnly = false;
        RepFocus = null;
        // The old figures go while the new scope or period loads, so nothing stale is on screen.
        Result = null;
        _opened = asked;
        _organizationId = organizationId;
        _team = team;
        _weeks = weeks;
        FromParameter = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        ToParameter = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        Member = member;
        if (Member is null)
        {
            PageError = OrganizationPage.NoAccessMessage;
        }
        else if (!Member.MaySeeAnalysis)
        {
            RepOnly = true;
            RepFocus = Member.RepId is int rep ? await focusService.GetAsync(Member, rep) : null;
        }
        else
        {
            await AnalyzeAsync();
            if (PageError is null)
            {
                await ApplyLineAsync(line);
            }
        }
        Loading = false;
    }

    /// <summary>The address' what-if line, checked by the API's own validator: blank is the organisation's line.</summary>
    private async Task ApplyLineAsync(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            if (Threshold != SavedThreshold)
            {
                await ChangeThresholdAsync(SavedThreshold);
            }
            return;
        }
        var check = await periodValidator.CheckAsync(new AnalysisQuery(null, null, null, line));
        if (!check.Succeeded)
        {
            Result = null;
            PageError = check.Message;
            return;
        }
        var threshold = AnalysisQueryValidator.Threshold(line)!.Value;
        if (threshold != Threshold)
        {
            await ChangeThresholdAsync(threshold);
        }
    }

    private async Task AnalyzeAsync()
    {
        Teams = await dashboard.TeamsAsync(Member!);
        var team = string.IsNullOrWhiteSpace(_team) ? null : _team;
        if (team is null && !Member!.SeesWholeOrganization)
        {
            // Managers analyse their own teams; start them on the first one.
            team = Teams.Count > 0 ? Teams[0] : null;
            if (team is null)
            {
                PageError = "You manage no team yet, so there is nothing to analyse. An Admin assigns teams on the Members page.";
                return;
            }
        }
        var (period, problem) = await PeriodAsync();
        if (problem is not null)
        {
            PageError = problem;
            return;
        }
        AnalysisOutcome outcome;
        try
        {
            outcome = await analysis.AnalyzeAsync(Member!, period.From, period.To, team);
        }
        catch (DomainRuleException e)
        {
            PageError = e.Message;
            return;
        }
        if (outcome.Result is null)
        {
            PageError = outcome.ForbiddenReason
                ?? (outcome.KnownTeams is { } known ? $"There is no team named '{team}'. Teams: {string.Join(", ", known)}." : "This organisation does not exist.");
            return;
        }
        _analysis = outcome;
        Input = outcome.Input;
        WhatIfInput = Input;
        _repNames = outcome.RepNames ?? Input!.Reps.ToDictionary(r => r.Email, r => r.Name);
        Threshold = SavedThreshold;
        Show(outcome.Result);
    }

    /// <summary>
    /// The period from the address: explicit weeks (checked by the API's own validator), or the last N
    /// complete weeks (12 by default).
    /// </summary>
    private async Task<((IsoWeek From, IsoWeek To) Period, string? Problem)> PeriodAsync()
    {
        var (_, lastComplete) = analysis.DefaultPeriod(Member!);
        if (FromParameter is null && ToParameter is null)
        {
            var weeks = AnalysisService.DefaultWeeks;
            if (!string.IsNullOrWhiteSpace(_weeks) && (!int.TryParse(_weeks, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < 1 or > AnalysisQueryValidator.MaxWeeks))
            {
                return (default, $"'{_weeks}' is not a number of weeks: use 1 to {AnalysisQueryValidator.MaxWeeks}.");
            }
            return ((lastComplete.AddWeeks(-(weeks - 1)), lastComplete), null);
        }
        var query = new AnalysisQuery(FromParameter ?? lastComplete.ToString(), ToParameter ?? lastComplete.ToString(), null);
        var check = await periodValidator.CheckAsync(query);
        return check.Succeeded
            ? ((IsoWeek.Parse(query.From!), IsoWeek.Parse(query.To!)), null)
            : (default, check.Message);
    }

    private void Show(AnalysisResult result)
    {
        Result = result;
        Figures = DashboardFigures.From(result);
        Caution = result.Recommendations.FirstOrDefault(r => r.Kind == RecommendationKind.SpecializationCaution);
    }

    /// <summary>The what-if line: the analyzer re-run on the analysis' per-rep totals, shared through the cache.</summary>
    public async Task ChangeThresholdAsync(decimal threshold)
    {
        Threshold = threshold;
        var whatIf = await analysis.WhatIfAsync(_analysis!, threshold);
        // Kept, so the rep details below follow the same what-if line as the rest of the page.
        WhatIfInput = whatIf.Input;
        Show(whatIf.Result!);
    }

    /// <summary>The rep opened in detail as the analyzer sees them alone: their own weeks, the page's what-if line.</summary>
    public AnalysisInput? DrillInput => DrillDown is null || WhatIfInput is null ? null : WhatIfInput with { Hours = _drillHours, Summed = null };

    /// <summary>Opens a rep's details: their weeks of the period, read from the weekly summary.</summary>
    public async Task ShowRepAsync(string email)
    {
        _drillHours = await analysis.RepWeeksAsync(Member!, email, Result!.From, Result.To, Input!.Team);
        DrillDown = email;
    }

    public void CloseRep()
    {
        DrillDown = null;
        _drillHours = [];
    }

    public bool IsQuickPick(int weeks) => weeks == Result!.Weeks && ToParameter is null && FromParameter is null;

    /// <summary>
    /// The address of this view: its period and team, and the what-if line when it is not the organisation's, so a
    /// reload or a shared link shows the same figures. <paramref name="threshold"/> sets another line.
    /// </summary>
    public string Link(int? weeks = null, string? team = null, bool keepTeam = true, decimal? threshold = null)
    {
        var chosenTeam = keepTeam ? Input?.Team : team;
        // Switching the team keeps an exact period; a quick pick replaces it.
        var query = weeks is null && Result is not null && (FromParameter is not null || ToParameter is not null)
            ? new List<string> { $"from={Result.From}", $"to={Result.To}" }
            : [string.Create(CultureInfo.InvariantCulture, $"weeks={weeks ?? Result?.Weeks ?? AnalysisService.DefaultWeeks}")];
        if (!string.IsNullOrEmpty(chosenTeam))
        {
            query.Add("team=" + Uri.EscapeDataString(chosenTeam));
        }
        AddLine(query, threshold ?? Threshold);
        return string.Create(CultureInfo.InvariantCulture, $"/organizations/{_organizationId}/dashboard?{string.Join('&', query)}");
    }

    /// <summary>An export of what is on screen: the period, the team and the what-if line.</summary>
    public string ExportLink(string format)
    {
        var path = format switch
        {
            "csv" => "analysis.csv",
            "xlsx" => "export.xlsx",
            _ => "analysis",
        };
        var query = new List<string> { $"from={Result!.From}", $"to={Result.To}" };
        if (Input!.Team is not null)
        {
            query.Add("team=" + Uri.EscapeDataString(Input.Team));
        }
        AddLine(query, Threshold);
        return string.Create(CultureInfo.InvariantCulture, $"/api/v1/organizations/{_organizationId}/{path}?{string.Join('&', query)}");
    }

    private void AddLine(List<string> query, decimal threshold)
    {
        if (Input is not null && threshold != SavedThreshold)
        {
            query.Add("line=" + AnalysisQueryValidator.Percent(threshold));
        }
    }

    public string? ScenarioLink(Recommendation recommendation) =>
        Member?.MayPlanScenarios == true && Input?.Team is null && recommendation.Workload is { } workload
        && recommendation.Kind is RecommendationKind.SplitOutRole or RecommendationKind.AddSpecialistCapacity
            ? $"/organizations/{_organizationId}/scenarios?focus={workload}"
            : null;

    public string Name(string email) => _repNames.TryGetValue(email, out var name) ? name : email;
}

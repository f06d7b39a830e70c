using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Dashboard.Services;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Dashboard;

/// <summary>
/// The VP's Monday page: where the time goes, what to break out, who is stretched. Scope and period
/// live in the address so a view can be bookmarked; the what-if threshold re-runs the analyzer in
/// memory on the aggregated hours, without asking the database again.
/// </summary>
public sealed partial class DashboardPage
{
    private DashboardPageModel _model = null!;

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    /// <summary>Text, not a number: a hand-edited address like ?weeks=abc gets a message, not a crash.</summary>
    [SupplyParameterFromQuery(Name = "weeks")]
    public string? Weeks { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The what-if 80/20 line in percent ("30"); text, so a hand-edited address gets the validator's message.</summary>
    [SupplyParameterFromQuery(Name = "line")]
    public string? Line { get; set; }

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

    protected override void OnInitialized() => _model = new DashboardPageModel(Analysis, Dashboard, FocusService, PeriodValidator);

    protected override Task OnMemberAsync(MemberAccess? member) => _model.OpenAsync(member, OrganizationId, Team, Weeks, From, To, Line);

    private void ChooseTeam(string team) => Navigation.NavigateTo(_model.Link(team: team, keepTeam: false));

    /// <summary>Moves the what-if line at once, and writes it into the address so a reload or a shared link keeps it.</summary>
    private async Task ChangeLineAsync(decimal threshold)
    {
        await _model.ChangeThresholdAsync(threshold);
        Navigation.NavigateTo(_model.Link(), replace: true);
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}

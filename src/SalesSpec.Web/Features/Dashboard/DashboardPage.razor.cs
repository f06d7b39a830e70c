using Microsoft.AspNetCore.Components;
using SalesSpec.Web.Components.Layout;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Dashboard.Services;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Dashboard;

/// <summary>
/// The VP's Monday page: where the time goes, what to break out, who is stretched. Everything it shows lives in
/// the address (scope, period, what-if line, the rep opened, each list's page), so a view can be bookmarked and the
/// page renders statically; the what-if line re-runs the analyzer in memory on the aggregated hours, without asking
/// the database again.
/// </summary>
public sealed partial class DashboardPage
{
    private DashboardPageModel _model = null!;
    private DashboardAddress? _address;
    private bool _referenceFigures;

    [Inject]
    private SalesSpec.Web.Features.Organizations.Services.ReferenceFigureSetting ReferenceFigureSetting { get; set; } = null!;

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

    /// <summary>The email of the rep opened in detail.</summary>
    [SupplyParameterFromQuery(Name = DashboardAddress.Rep)]
    public string? Rep { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = DashboardAddress.HeatMap + "q")]
    public string? HeatSearch { get; set; }

    [SupplyParameterFromQuery(Name = DashboardAddress.HeatMap + "sort")]
    public string? HeatSort { get; set; }

    [SupplyParameterFromQuery(Name = DashboardAddress.HeatMap + "page")]
    public string? HeatPageNumber { get; set; }

    [SupplyParameterFromQuery(Name = DashboardAddress.Missing)]
    public string? MissingPage { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>The slider asks for the parts that follow the line only; the charts beside them are left out.</summary>
    private bool PartsOnly => PartsRequest.IsAsked(HttpContext);

    [Inject]
    private AnalysisService Analysis { get; set; } = null!;

    [Inject]
    private DashboardService Dashboard { get; set; } = null!;

    [Inject]
    private RepFocusService FocusService { get; set; } = null!;

    [Inject]
    private FluentValidation.IValidator<AnalysisQuery> PeriodValidator { get; set; } = null!;

    protected override void OnInitialized() => _model = new DashboardPageModel(Analysis, Dashboard, FocusService, PeriodValidator);

    protected override async Task OnMemberAsync(MemberAccess? member)
    {
        await _model.OpenAsync(member, OrganizationId, Team, Weeks, From, To, Line);
        if (_model.Result is null)
        {
            return;
        }
        _referenceFigures = await ReferenceFigureSetting.ShownAsync(member!);
        var rep = string.IsNullOrWhiteSpace(Rep) ? null : Rep.Trim();
        if (rep is not null && rep.Length <= DashboardAddress.MaxRepLength)
        {
            await _model.ShowRepAsync(rep);
        }
        _address = new DashboardAddress(_model.Link(), new Dictionary<string, string?>
        {
            [DashboardAddress.Rep] = _model.DrillDown,
            ["q"] = Search,
            ["sort"] = Sort,
            ["page"] = PageNumber,
            [DashboardAddress.HeatMap + "q"] = HeatSearch,
            [DashboardAddress.HeatMap + "sort"] = HeatSort,
            [DashboardAddress.HeatMap + "page"] = HeatPageNumber,
            [DashboardAddress.Missing] = MissingPage,
        });
    }
}

using Microsoft.AspNetCore.Components;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>A manager's week: each rep's status, bulk approval, reminders for those who have not submitted, and lock periods.</summary>
public sealed partial class TeamWeekPage
{
    private TeamWeekPageModel _model = null!;

    [Parameter]
    public string? Week { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public int? Team { get; set; }

    [Inject]
    private WeekService Weeks { get; set; } = null!;

    [Inject]
    private TeamWeekService TeamWeeks { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override void OnInitialized() => _model = new TeamWeekPageModel(Weeks, TeamWeeks);

    protected override Task OnMemberAsync(MemberAccess? member) => _model.OpenAsync(member, Week, Team);

    private void ChooseTeam(int? team) => Navigation.NavigateTo(WeekLinks.TeamWeek(OrganizationId, _model.Week, team));

    private string LinkTo(IsoWeek week) => WeekLinks.TeamWeek(OrganizationId, week, _model.View?.TeamId);
}

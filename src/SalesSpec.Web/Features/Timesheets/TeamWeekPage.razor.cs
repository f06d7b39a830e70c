using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>A manager's week: each rep's status, bulk approval, reminders for those who have not submitted, and lock periods.</summary>
public sealed partial class TeamWeekPage
{
    private TeamWeekPageModel _model = null!;

    [Parameter]
    public int OrganizationId { get; set; }

    [Parameter]
    public string? Week { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public int? Team { get; set; }

    [Inject]
    private WeekService Weeks { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private TeamWeekService TeamWeeks { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override void OnInitialized() => _model = new TeamWeekPageModel(Weeks, TeamWeeks);

    protected override Task OnParametersSetAsync() => _model.OpenAsync(MemberAsync, Week, Team);

    private async Task<MemberAccess?> MemberAsync() => await Access.ForAsync((await AuthenticationState).User, OrganizationId);

    private void ChooseTeam(int? team) => Navigation.NavigateTo(WeekLinks.TeamWeek(OrganizationId, _model.Week, team));

    private string LinkTo(IsoWeek week) => WeekLinks.TeamWeek(OrganizationId, week, _model.View?.TeamId);
}

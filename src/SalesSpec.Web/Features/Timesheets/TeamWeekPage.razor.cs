using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>A manager's week: each rep's status, bulk approval, reminders for those who have not submitted, and lock periods.</summary>
public sealed partial class TeamWeekPage
{
    private TeamWeekView? _view;
    private MemberAccess? _member;
    private IsoWeek _week;
    private bool _loading = true;
    private bool _busy;
    private bool _lockOpen;
    private string? _lockThrough;
    private int? _lockTeam;
    private string? _pageError;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private int? _rejecting;
    private string? _rejectComment;
    private string? _rejectError;
    private readonly HashSet<int> _selected = [];

    [Parameter]
    public int OrganizationId { get; set; }

    [Parameter]
    public string? Week { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public int? Team { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    [Inject]
    private WeekService Weeks { get; set; } = null!;

    [Inject]
    private TeamWeekService TeamWeeks { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private List<TeamWeekRow> SubmittedRows => _view?.Rows.Where(MayApprove).ToList() ?? [];

    // Nobody reviews their own week, even a manager who is also a rep of their team.
    private bool MayApprove(TeamWeekRow row) => row.Status == TimesheetStatus.Submitted && !row.IsLocked && row.RepId != _member?.RepId;

    private bool AllSelected => SubmittedRows.Count > 0 && SubmittedRows.All(r => _selected.Contains(r.RepId));

    private int RemindCount => _view?.Rows.Count(r => r.IsOutstanding && !r.IsLocked) ?? 0;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _pageError = null;
        _member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (_member is null)
        {
            _pageError = "This organisation does not exist or you have no access to it.";
        }
        else if (Week is not null && !IsoWeek.TryParse(Week, out _))
        {
            _pageError = $"'{Week}' is not a week; use the form 2026-W47.";
        }
        else
        {
            _week = Week is null ? Weeks.CurrentWeek(_member) : IsoWeek.Parse(Week);
            if (_view is not null && (_view.Week != _week || _view.TeamId != Team))
            {
                // A selection, an open rejection or a message belongs to the week it was made on.
                _view = null;
                _selected.Clear();
                _rejecting = null;
                _rejectComment = null;
                _message = null;
            }
            _lockThrough ??= _week.AddWeeks(-1).ToString();
            await LoadAsync();
        }
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _view = await TeamWeeks.GetAsync(_member!, _week, Team);
        if (_view is null)
        {
            _pageError = TeamWeekService.Forbidden + " Reps log their own week on My week.";
            return;
        }
        _selected.IntersectWith(SubmittedRows.Select(r => r.RepId));
        _lockTeam ??= _view.TeamId ?? _view.Teams.FirstOrDefault(t => _member!.MayLock(t.Id))?.Id;
    }

    private void ChooseTeam(int? team) => Navigation.NavigateTo(WeekLinks.TeamWeek(OrganizationId, _week, team));

    private string LinkTo(IsoWeek week) => WeekLinks.TeamWeek(OrganizationId, week, _view?.TeamId);

    private string Count(TimesheetStatus status) =>
        (_view?.Rows.Count(r => r.Status == status) ?? 0).ToString(CultureInfo.InvariantCulture);

    private void Select(int repId, bool selected)
    {
        if (selected)
        {
            _selected.Add(repId);
        }
        else
        {
            _selected.Remove(repId);
        }
    }

    private void SelectAll(bool selected)
    {
        _selected.Clear();
        if (selected)
        {
            _selected.UnionWith(SubmittedRows.Select(r => r.RepId));
        }
    }

    private bool LockedByPeriod(TeamWeekRow row) =>
        _view!.Teams.FirstOrDefault(t => t.Id == row.TeamId)?.LockedThrough is { } through && _week <= through
        || (_view.OrganizationLockedThrough is { } organization && _week <= organization);

    private Task ApproveAsync(TeamWeekRow row) => ApproveRowsAsync([row]);

    private Task ApproveSelectedAsync() => ApproveRowsAsync(SubmittedRows.Where(r => _selected.Contains(r.RepId)).ToList());

    private async Task ApproveRowsAsync(IReadOnlyList<TeamWeekRow> rows)
    {
        await WorkAsync(async () =>
        {
            var result = await TeamWeeks.ApproveAsync(_member!, _view!.Week, rows.Select(r => (r.RepId, r.Version)));
            _selected.Clear();
            Say(result.Problems.Count == 0
                    ? $"Approved {Plural(result.Done, "week")}. Approved weeks are locked."
                    : $"Approved {Plural(result.Done, "week")}; {result.Problems.Count} could not be: {string.Join(" ", result.Problems.Distinct())}",
                result.Problems.Count == 0 ? Severity.Success : Severity.Warning);
        });
    }

    private void StartReject(TeamWeekRow row)
    {
        _rejecting = row.RepId;
        _rejectComment = null;
        _rejectError = null;
    }

    private async Task RejectAsync(TeamWeekRow row)
    {
        await WorkAsync(async () =>
        {
            var outcome = await Weeks.RejectAsync(_member!, row.RepId, _view!.Week, row.Version, _rejectComment ?? "");
            if (outcome.Problem == WeekProblem.Invalid)
            {
                _rejectError = outcome.Message;
                return;
            }
            _rejecting = null;
            Say(outcome.Succeeded ? $"Sent {row.Name}'s week back; they will see your comment." : outcome.Message!, outcome.Succeeded ? Severity.Success : Severity.Warning);
        });
    }

    private async Task ReopenAsync(TeamWeekRow row)
    {
        await WorkAsync(async () =>
        {
            var outcome = await Weeks.ReopenAsync(_member!, row.RepId, _view!.Week, row.Version);
            Say(outcome.Succeeded ? $"Reopened {row.Name}'s week: it is a draft again." : outcome.Message!, outcome.Succeeded ? Severity.Success : Severity.Warning);
        });
    }

    private async Task RemindAsync()
    {
        await WorkAsync(async () =>
        {
            var result = await TeamWeeks.RemindAsync(_member!, _view!.Week, _view!.TeamId);
            var emailed = result.Emailed > 0 ? $" ({result.Emailed} by email too)" : "";
            Say(result.Done == 0
                    ? "Everyone who has not submitted already has an unread reminder for this week."
                    : $"Reminded {Plural(result.Done, "rep")}{emailed}. They see it as a badge when they next open SalesSpec.",
                Severity.Success);
        });
    }

    private async Task LockAsync()
    {
        if (!IsoWeek.TryParse(_lockThrough, out var through))
        {
            Say($"'{_lockThrough}' is not a week; use the form 2026-W47.", Severity.Error);
            return;
        }
        await WorkAsync(async () =>
        {
            var error = await TeamWeeks.LockAsync(_member!, _lockTeam, through);
            if (error is null)
            {
                _lockOpen = false;
            }
            var scope = _lockTeam is int team ? $"the {_view!.Teams.First(t => t.Id == team).Name} team" : "the whole organisation";
            Say(error ?? $"Locked every week up to {through} for {scope}.", error is null ? Severity.Success : Severity.Error);
        });
    }

    private async Task WorkAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}

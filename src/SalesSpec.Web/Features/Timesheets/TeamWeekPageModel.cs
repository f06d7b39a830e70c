using MudBlazor;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets;

/// <summary>
/// What the team week shows and does, without rendering: the reps' weeks, the selection to approve,
/// the one week being sent back, reminders and locks, and the message each of them leaves.
/// </summary>
public sealed class TeamWeekPageModel(WeekService weeks, TeamWeekService teamWeeks)
{
    /// <summary>Rows drawn at a time: a team week of 10,000 reps is searched and paged here, never drawn whole.</summary>
    public const int PageSize = 50;

    /// <summary>The longest search kept; anything longer is cut.</summary>
    public const int MaxSearchLength = 100;

    private readonly HashSet<int> _selected = [];
    private string? _lockThrough;
    private int? _lockTeam;
    private int? _team;
    private List<TeamWeekRow> _matching = [];

    public TeamWeekView? View { get; private set; }

    public MemberAccess? Member { get; private set; }

    public IsoWeek Week { get; private set; }

    public bool Loading { get; private set; } = true;

    public bool Busy { get; private set; }

    public bool LockOpen { get; private set; }

    /// <summary>The last week to lock, as typed ("2026-W47"); changing it drops a plan shown for another week.</summary>
    public string? LockThrough
    {
        get => _lockThrough;
        set
        {
            if (value != _lockThrough)
            {
                PendingLock = null;
            }
            _lockThrough = value;
        }
    }

    /// <summary>The team to lock, or null for the whole organisation.</summary>
    public int? LockTeam
    {
        get => _lockTeam;
        set
        {
            if (value != _lockTeam)
            {
                PendingLock = null;
            }
            _lockTeam = value;
        }
    }

    /// <summary>What the lock asked for would close, waiting for the reviewer's confirmation.</summary>
    public LockPlan? PendingLock { get; private set; }

    /// <summary>The locks in force the member sees (loaded while the lock panel is open).</summary>
    public IReadOnlyList<LockInForce> Locks { get; private set; } = [];

    /// <summary>The lock waiting for confirmation to be lifted, and what lifting it would reopen.</summary>
    public LockInForce? PendingLift { get; private set; }

    public string? PendingLiftText { get; private set; }

    public string? PageError { get; private set; }

    public string? Message { get; private set; }

    public Severity MessageSeverity { get; private set; } = Severity.Success;

    /// <summary>The rep whose week is being sent back, if any.</summary>
    public int? Rejecting { get; private set; }

    public string? RejectComment { get; set; }

    public string? RejectError { get; private set; }

    public IReadOnlySet<int> Selected => _selected;

    /// <summary>Text to find in a rep's name, email or team.</summary>
    public string? Search { get; private set; }

    public TeamWeekSort Sort { get; private set; } = TeamWeekSort.Status;

    /// <summary>The page shown, from 1.</summary>
    public int Page { get; private set; } = 1;

    public int PageCount => Paging.PageCount(_matching.Count, PageSize);

    /// <summary>The rows of the page shown: the search and sort applied, then one page of them.</summary>
    public IReadOnlyList<TeamWeekRow> PageRows => _matching.Skip((Page - 1) * PageSize).Take(PageSize).ToList();

    /// <summary>"1–50 of 10,000 reps", or how many matched the search.</summary>
    public string Range => Paging.Range(Page, PageSize, _matching.Count, View?.Rows.Count ?? 0);

    public IsoWeek CurrentWeek => weeks.CurrentWeek(Member!);

    public List<TeamWeekRow> SubmittedRows => View?.Rows.Where(MayApprove).ToList() ?? [];

    public bool AllSelected => SubmittedRows.Count > 0 && SubmittedRows.All(r => _selected.Contains(r.RepId));

    public int RemindCount => View?.Rows.Count(r => r.IsOutstanding && !r.IsLocked) ?? 0;

    /// <summary>The remind button's words: "Remind the 1 rep who has not submitted", "… the 3 reps who have …".</summary>
    public string RemindLabel => RemindLabelFor(RemindCount);

    public static string RemindLabelFor(int count) => count switch
    {
        0 => "Everyone has submitted",
        1 => "Remind the 1 rep who has not submitted",
        _ => $"Remind the {count.ToString("N0", CultureInfo.InvariantCulture)} reps who have not submitted",
    };

    public bool MayLockHere => View!.Teams.Count > 0 && (Member!.MayLock(View.TeamId ?? View.Teams[0].Id) || View.MayLockOrganization);

    /// <summary>Whether the member sees the lock panel at all: to lock, or (Admins and Leaders) to lift a lock.</summary>
    public bool MayOpenLocks => MayLockHere || Member!.May(Permission.LiftLocks);

    // Nobody reviews their own week, even a manager who is also a rep of their team.
    public bool MayApprove(TeamWeekRow row) => row.Status == TimesheetStatus.Submitted && !row.IsLocked && row.RepId != Member?.RepId;

    public bool MayReopen(TeamWeekRow row) => row.Status == TimesheetStatus.Approved && !LockedByPeriod(row) && row.RepId != Member!.RepId;

    private bool LockedByPeriod(TeamWeekRow row) =>
        View!.Teams.FirstOrDefault(t => t.Id == row.TeamId)?.LockedThrough is { } through && Week <= through
        || (View.OrganizationLockedThrough is { } organization && Week <= organization);

    public string Count(TimesheetStatus status) =>
        (View?.Rows.Count(r => r.Status == status) ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens <paramref name="week"/> (the current one when null) for one team, or all the member's teams.</summary>
    public async Task OpenAsync(MemberAccess? member, string? week, int? team)
    {
        Loading = true;
        PageError = null;
        Member = member;
        if (Member is null)
        {
            PageError = OrganizationPage.NoAccessMessage;
        }
        else if (week is not null && !IsoWeek.TryParse(week, out _))
        {
            PageError = $"'{week}' is not a week; use the form 2026-W47.";
        }
        else
        {
            _team = team;
            Week = week is null ? weeks.ReviewWeek(Member) : IsoWeek.Parse(week);
            if (View is not null && (View.Week != Week || View.TeamId != team))
            {
                // A selection, an open rejection or a message belongs to the week it was made on.
                View = null;
                _selected.Clear();
                Rejecting = null;
                RejectComment = null;
                Message = null;
            }
            LockThrough ??= Week.AddWeeks(-1).ToString();
            await LoadAsync();
        }
        Loading = false;
    }

    private async Task LoadAsync()
    {
        View = await teamWeeks.GetAsync(Member!, Week, _team);
        if (View is null)
        {
            PageError = TeamWeekService.Forbidden + " Reps log their own week on My week.";
            return;
        }
        _selected.IntersectWith(SubmittedRows.Select(r => r.RepId));
        ShowPage(Page);
        if (LockOpen)
        {
            Locks = await teamWeeks.LocksAsync(Member!);
        }
        LockTeam ??= View.TeamId ?? View.Teams.FirstOrDefault(t => Member!.MayLock(t.Id))?.Id;
    }

    public void Select(int repId, bool selected)
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

    public void Find(string? search)
    {
        Search = search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search;
        ShowPage(1);
    }

    public void SortBy(TeamWeekSort sort)
    {
        Sort = sort;
        ShowPage(1);
    }

    /// <summary>Applies the search and sort and shows <paramref name="page"/>, or the last one when the list got shorter.</summary>
    public void ShowPage(int page)
    {
        var search = Search?.Trim();
        var rows = View?.Rows ?? [];
        IEnumerable<TeamWeekRow> matching = string.IsNullOrEmpty(search)
            ? rows
            : rows.Where(r => r.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (r.Team?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));
        _matching = Sort switch
        {
            TeamWeekSort.Name => matching.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            TeamWeekSort.Team => matching.OrderBy(r => r.Team, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            TeamWeekSort.Hours => matching.OrderByDescending(r => r.Hours).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            // The service's order: weeks waiting for review first, then sent back, missing and draft; then by name.
            _ => matching.ToList(),
        };
        Page = Paging.Clamp(page, _matching.Count, PageSize);
    }

    public void SelectAll(bool selected)
    {
        _selected.Clear();
        if (selected)
        {
            _selected.UnionWith(SubmittedRows.Select(r => r.RepId));
        }
    }

    public async Task ToggleLockAsync()
    {
        LockOpen = !LockOpen;
        PendingLock = null;
        PendingLift = null;
        if (LockOpen)
        {
            Locks = await teamWeeks.LocksAsync(Member!);
        }
    }

    public void CloseMessage() => Message = null;

    public Task ApproveAsync(TeamWeekRow row) => ApproveRowsAsync([row]);

    public Task ApproveSelectedAsync() => ApproveRowsAsync(SubmittedRows.Where(r => _selected.Contains(r.RepId)).ToList());

    private async Task ApproveRowsAsync(IReadOnlyList<TeamWeekRow> rows)
    {
        await WorkAsync(async () =>
        {
            var result = await teamWeeks.ApproveAsync(Member!, View!.Week, rows.Select(r => (r.RepId, r.Version)));
            _selected.Clear();
            Say(result.Problems.Count == 0
                    ? $"Approved {Plural(result.Done, "week")}. Approved weeks are locked."
                    : $"Approved {Plural(result.Done, "week")}; {result.Problems.Count} could not be: {string.Join(" ", result.Problems.Distinct())}",
                result.Problems.Count == 0 ? Severity.Success : Severity.Warning);
        });
    }

    public void StartReject(TeamWeekRow row)
    {
        Rejecting = row.RepId;
        RejectComment = null;
        RejectError = null;
    }

    public void CancelReject() => Rejecting = null;

    public async Task RejectAsync(TeamWeekRow row)
    {
        await WorkAsync(async () =>
        {
            var outcome = await weeks.RejectAsync(Member!, row.RepId, View!.Week, row.Version, RejectComment ?? "");
            if (outcome.Kind == OutcomeKind.Invalid)
            {
                RejectError = outcome.Message;
                return;
            }
            Rejecting = null;
            Say(outcome.Succeeded ? $"Sent {row.Name}'s week back; they will see your comment." : outcome.Message!, outcome.Succeeded ? Severity.Success : Severity.Warning);
        });
    }

    public async Task ReopenAsync(TeamWeekRow row)
    {
        await WorkAsync(async () =>
        {
            var outcome = await weeks.ReopenAsync(Member!, row.RepId, View!.Week, row.Version);
            Say(outcome.Succeeded ? $"Reopened {row.Name}'s week: it is a draft again." : outcome.Message!, outcome.Succeeded ? Severity.Success : Severity.Warning);
        });
    }

    public async Task RemindAsync()
    {
        await WorkAsync(async () =>
        {
            var result = await teamWeeks.RemindAsync(Member!, View!.Week, View!.TeamId);
            // The emails go after the request, in the background: the manager is told they are queued, not sent.
            var emailed = result.EmailsQueued > 0 ? $" and queued {Plural(result.EmailsQueued, "email")} to them" : "";
            Say(result.Done == 0
                    ? "Everyone who has not submitted already has an unread reminder for this week."
                    : $"Reminded {Plural(result.Done, "rep")}{emailed}. They see it as a badge when they next open SalesSpec.",
                Severity.Success);
        });
    }

    /// <summary>First step of locking: shows what the lock would close, or why it cannot be set. Nothing is locked yet.</summary>
    public async Task ReviewLockAsync()
    {
        PendingLock = null;
        if (!IsoWeek.TryParse(LockThrough, out var through))
        {
            Say($"'{LockThrough}' is not a week; use the form 2026-W47.", Severity.Error);
            return;
        }
        Busy = true;
        try
        {
            var plan = await teamWeeks.PlanLockAsync(Member!, LockTeam, through);
            if (!plan.Succeeded)
            {
                Say(plan.Message, Severity.Error);
                return;
            }
            Message = null;
            PendingLock = plan.Value;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Second step: locks what the confirmed plan showed.</summary>
    public async Task LockAsync()
    {
        if (PendingLock is not { ChangesNothing: false } plan)
        {
            return;
        }
        await WorkAsync(async () =>
        {
            var locked = await teamWeeks.LockAsync(Member!, plan.TeamId, plan.Through);
            PendingLock = null;
            if (!locked.Succeeded)
            {
                Say(locked.Message, Severity.Error);
                return;
            }
            Say($"Locked {locked.Value!.Weeks} for {locked.Value.Scope}.", Severity.Success);
        });
    }

    public void CancelLock() => PendingLock = null;

    /// <summary>First step of lifting a lock: says what it would reopen.</summary>
    public async Task ReviewLiftAsync(LockInForce period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var plan = await teamWeeks.PlanLiftAsync(Member!, period.Id);
        if (!plan.Succeeded)
        {
            PendingLift = null;
            Say(plan.Message, Severity.Error);
            Locks = await teamWeeks.LocksAsync(Member!);
            return;
        }
        PendingLift = period;
        PendingLiftText = plan.Value;
    }

    public async Task LiftAsync()
    {
        if (PendingLift is not { } period)
        {
            return;
        }
        await WorkAsync(async () =>
        {
            var lifted = await teamWeeks.LiftAsync(Member!, period.Id);
            PendingLift = null;
            PendingLiftText = null;
            Say(lifted.Succeeded ? $"Lifted the lock up to {period.Through} for {period.Scope}." : lifted.Message,
                lifted.Succeeded ? Severity.Success : Severity.Error);
        });
    }

    public void CancelLift()
    {
        PendingLift = null;
        PendingLiftText = null;
    }

    private async Task WorkAsync(Func<Task> work)
    {
        Busy = true;
        try
        {
            await work();
            await LoadAsync();
        }
        finally
        {
            Busy = false;
        }
    }

    private void Say(string message, Severity severity)
    {
        Message = message;
        MessageSeverity = severity;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// What locking up to a week would close, shown for confirmation before anything is locked: the weeks not locked
/// before, the reps they belong to, and how many of those weeks are not approved yet.
/// </summary>
public sealed record LockPlan(
    int? TeamId,
    string Scope,
    IsoWeek Through,
    IsoWeek? LockedBefore,
    int RepCount,
    IReadOnlyList<string> FirstNames,
    int NotApproved)
{
    /// <summary>Names listed in the confirmation; the rest are counted.</summary>
    public const int NamesShown = 8;

    /// <summary>Locking up to a week already closed adds nothing.</summary>
    public bool ChangesNothing => LockedBefore is { } before && Through <= before;

    /// <summary>The first week this lock closes, or null when no week of the scope was locked before.</summary>
    public IsoWeek? From => LockedBefore?.AddWeeks(1);

    /// <summary>How many weeks it closes, when they start after an earlier lock.</summary>
    public int? WeekCount => From is { } from ? (Through.Monday.DayNumber - from.Monday.DayNumber) / 7 + 1 : null;

    public string Weeks => From switch
    {
        null => $"every week up to and including {Through}",
        { } from when from == Through => $"week {Through}",
        { } from => $"the {WeekCount} weeks {from} – {Through}",
    };

    public string Describe()
    {
        if (ChangesNothing)
        {
            return $"Weeks up to {LockedBefore} are already locked for {Scope}, so locking up to {Through} changes nothing.";
        }
        var people = RepCount == 0
            ? "no rep has weeks there yet"
            : $"{Whole(RepCount)} {(RepCount == 1 ? "rep" : "reps")}: {string.Join(", ", FirstNames)}{(RepCount > FirstNames.Count ? $" and {RepCount - FirstNames.Count} more" : "")}";
        var open = NotApproved switch
        {
            0 => "",
            1 => " 1 of their weeks there is not approved yet; it is locked as it is.",
            _ => $" {Whole(NotApproved)} of their weeks there are not approved yet; they are locked as they are.",
        };
        return $"This locks {Weeks} for {Scope} ({people}).{open} Nobody can change these weeks until an Admin or a Leader lifts the lock.";
    }

    private static string Whole(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A lock period in force, as the lock panel lists it.</summary>
public sealed record LockInForce(int Id, int? TeamId, string Scope, IsoWeek Through, string LockedBy, DateTimeOffset At, bool MayLift);

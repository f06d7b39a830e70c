using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>
/// The team a rep is in from <see cref="FromWeek"/> until the week before <see cref="ToWeek"/> (open when null).
/// A rep's assignments cover every week without gap or overlap, the first from <see cref="Beginning"/>;
/// <see cref="Rep"/> keeps them so.
/// </summary>
public sealed class RepTeamAssignment
{
    /// <summary>The beginning of time for team history: ISO week 1900-W01, the first week <see cref="IsoWeek"/> knows.</summary>
    public static readonly DateOnly Beginning = new(1900, 1, 1);

    private RepTeamAssignment()
    {
        Rep = null!;
    }

    public long Id { get; private set; }

    public int RepId { get; private set; }

    public Rep Rep { get; private set; }

    /// <summary>Null: in no team during these weeks.</summary>
    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    /// <summary>The Monday of the first ISO week in this team.</summary>
    public DateOnly FromWeek { get; private set; }

    /// <summary>The Monday of the week the next assignment starts (not included); null while this one lasts.</summary>
    public DateOnly? ToWeek { get; private set; }

    public bool StartsAtBeginning => FromWeek == Beginning;

    public bool Covers(DateOnly weekStart) => FromWeek <= weekStart && (ToWeek is null || weekStart < ToWeek);

    internal static RepTeamAssignment Start(Rep rep, Team? team, DateOnly fromWeek) =>
        new() { Rep = rep, RepId = rep.Id, Team = team, TeamId = team?.Id, FromWeek = fromWeek };

    internal void ChangeTeam(Team? team)
    {
        Team = team;
        TeamId = team?.Id;
    }

    internal void EndBefore(DateOnly? toWeek) => ToWeek = toWeek;

    internal bool IsIn(Team? team) => team is null ? TeamId is null && Team is null : ReferenceEquals(Team, team) || (team.Id != 0 && TeamId == team.Id);

    /// <summary>Like "East from 2026-W40", or "East from the start".</summary>
    public string Describe(string? teamName) =>
        $"{teamName ?? "No team"} from {(StartsAtBeginning ? "the start" : IsoWeek.FromMonday(FromWeek).ToString())}";
}

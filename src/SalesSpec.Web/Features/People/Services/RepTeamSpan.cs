namespace SalesSpec.Web.Features.People.Services;

/// <summary>One stretch of a person's team history: the team (null: none) from a week (null: from the start) until the week before another (null: still).</summary>
public sealed record RepTeamSpan(int? TeamId, string? Team, string? From, string? Until)
{
    public static RepTeamSpan Of(int? teamId, string? team, DateOnly fromWeek, DateOnly? toWeek) =>
        new(teamId, team,
            fromWeek == RepTeamAssignment.Beginning ? null : IsoWeek.FromMonday(fromWeek).ToString(),
            toWeek is { } to ? IsoWeek.FromMonday(to).AddWeeks(-1).ToString() : null);

    /// <summary>Like "East from 2025-W01" or "East from the start".</summary>
    public override string ToString() => $"{Team ?? "No team"} from {From ?? "the start"}";
}

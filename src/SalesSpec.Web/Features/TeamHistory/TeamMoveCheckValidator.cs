using FluentValidation;

namespace SalesSpec.Web.Features.TeamHistory;

/// <summary>
/// When a team change may take effect: not before the person's team history starts, and not inside a locked
/// period of a team it touches — moving someone out of (or into) a locked week would change figures that
/// were closed. The rule is per week, so the earliest allowed week is the one after the latest such lock.
/// </summary>
public sealed class TeamMoveCheckValidator : AbstractValidator<TeamMoveCheck>
{
    public TeamMoveCheckValidator()
    {
        RuleFor(c => c.Week)
            .Must((c, week) => week.Monday >= c.HistoryStarts)
            .WithMessage(c => $"{c.Who}'s team history starts in {IsoWeek.FromMonday(c.HistoryStarts)}; a team change cannot take effect before it.");
        RuleFor(c => c.Locks)
            .Must((c, locks) => !locks.Any(l => l.Through >= c.Week))
            .WithMessage(c => LockedMessage(c, c.Locks.Where(l => l.Through >= c.Week).MaxBy(l => l.Through)!));
    }

    private static string LockedMessage(TeamMoveCheck change, TeamMoveLock covering) =>
        $"Weeks up to {covering.Through} are locked for {(covering.TeamId is null ? "the whole organisation" : $"the {covering.TeamName} team")} (by {covering.LockedBy}), " +
        $"so {change.Who}'s team change cannot take effect in {change.Week}; choose {covering.Through.AddWeeks(1)} or later.";
}

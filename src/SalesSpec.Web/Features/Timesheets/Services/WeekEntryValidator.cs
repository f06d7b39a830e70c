using FluentValidation;
using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// The rules for a week, shared by the "My week" page and the API. Errors block saving; warnings
/// (a very long or an empty week) are shown and the week is saved anyway.
/// </summary>
public sealed class WeekEntryValidator : AbstractValidator<WeekEntry>
{
    public const decimal LongWeekHours = 60m;
    public const decimal PercentTolerance = 0.1m;

    public WeekEntryValidator()
    {
        RuleFor(w => w.Mode).IsInEnum().WithMessage("Mode must be 'Hours' or 'Percent'.");
        RuleFor(w => w.CapacityHours).GreaterThan(0m).When(w => w.Mode == EntryMode.Percent)
            .WithMessage("The rep has no standard week to take percentages of; enter hours instead.");
        RuleFor(w => w.Lines).Must(lines => lines.Select(l => l.ActivityId).Distinct().Count() == lines.Count)
            .WithMessage("Each activity may appear only once in a week.");

        RuleForEach(w => w.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Value).GreaterThanOrEqualTo(0m).WithMessage(l => $"{l.Activity}: cannot be negative.");
            // Each line within the week's limit before anything adds them up, so no sum can overflow.
            line.RuleFor(l => l.Value).LessThanOrEqualTo(TimeLog.MaxHoursPerWeek)
                .WithMessage(l => $"{l.Activity}: a week has at most {TimeLog.MaxHoursPerWeek:0} hours.");
            line.RuleFor(l => l.Value).PrecisionScale(28, TimeLog.MaxDecimals, ignoreTrailingZeros: true)
                .WithMessage(l => $"{l.Activity}: at most {TimeLog.MaxDecimals} decimals.");
        }).When(w => w.Mode == EntryMode.Hours);

        RuleForEach(w => w.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Value).InclusiveBetween(0m, 100m).WithMessage(l => $"{l.Activity}: a percentage is between 0 and 100.");
            line.RuleFor(l => l.Value).PrecisionScale(28, WeekEntry.PercentDecimals, ignoreTrailingZeros: true)
                .WithMessage(l => $"{l.Activity}: at most {WeekEntry.PercentDecimals} decimals.");
        }).When(w => w.Mode == EntryMode.Percent);

        RuleFor(w => w.TotalHours).LessThanOrEqualTo(TimeLog.MaxHoursPerWeek)
            .When(LinesInRange)
            .WithMessage(w => $"A week has at most {TimeLog.MaxHoursPerWeek:0} hours; this one has {w.TotalHours:0.##}.");
        RuleFor(w => w.TotalPercent).Must(total => Math.Abs(total - 100m) <= PercentTolerance)
            .When(w => w.Mode == EntryMode.Percent && LinesInRange(w) && w.Lines.Any(l => l.Value > 0m))
            .WithMessage(w => $"The percentages add up to {w.TotalPercent:0.##} %; they must add up to 100 %.");

        RuleFor(w => w.TotalHours).LessThanOrEqualTo(LongWeekHours)
            .When(w => LinesInRange(w) && w.TotalHours <= TimeLog.MaxHoursPerWeek)
            .WithSeverity(Severity.Warning)
            .WithMessage(w => $"{w.TotalHours:0.##} hours is a long week (over {LongWeekHours:0}). Saved anyway if it is right.");
        RuleFor(w => w.Lines).Must(lines => lines.Any(l => l.Value > 0m))
            .WithName("Week")
            .WithSeverity(Severity.Warning)
            .WithMessage("Nothing is logged for this week: it will count as a missing timesheet.");
    }

    // Far beyond any real week, far below where adding up a few hundred lines could overflow a decimal.
    private const decimal SaneMagnitude = 1_000_000m;

    /// <summary>Lines small enough to add up: only then are the totals checked (each line has its own rule above).</summary>
    private static bool LinesInRange(WeekEntry week) =>
        week.Lines.All(l => l.Value is null || Math.Abs(l.Value.Value) <= SaneMagnitude);
}

using FluentValidation.Results;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>What became of a week operation: the fresh week, or the problem and a message for the user.</summary>
public sealed record WeekOutcome(WeekProblem Problem, string? Message, WeekView? View, IReadOnlyList<ValidationFailure> Failures)
{
    public bool Succeeded => Problem == WeekProblem.None;

    public IEnumerable<ValidationFailure> Warnings => Failures.Where(f => f.Severity != FluentValidation.Severity.Error);

    public static WeekOutcome Success(WeekView view, IReadOnlyList<ValidationFailure>? warnings = null) =>
        new(WeekProblem.None, null, view, warnings ?? []);

    public static WeekOutcome Failed(WeekProblem problem, string message, IReadOnlyList<ValidationFailure>? failures = null) =>
        new(problem, message, null, failures ?? []);
}

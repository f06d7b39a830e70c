using FluentValidation.Results;

namespace SalesSpec.Web.Features.Access;

/// <summary>The one result shape of the services: a value, or why not in words a person can act on.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>
    /// What the validator said field by field, for forms that mark the field (the week grid): the errors of a
    /// refusal, or the warnings that came with a success ("a long week: saved anyway").
    /// </summary>
    public IReadOnlyList<ValidationFailure> Findings { get; init; } = [];

    public IEnumerable<ValidationFailure> Warnings => Findings.Where(f => f.Severity != FluentValidation.Severity.Error);

    public string Message => string.Join(" ", Errors);

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure carries over.") : new(Kind, default, Errors);
}

/// <summary>Makes outcomes: <c>Outcome.Done(value)</c>, <c>Outcome.Invalid&lt;T&gt;(errors)</c>…</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => new Outcome<T>(OutcomeKind.Done, value, []);

    public static Outcome<T> Invalid<T>(IEnumerable<string> errors) => new Outcome<T>(OutcomeKind.Invalid, default, errors.ToList());

    public static Outcome<T> Invalid<T>(string error) => new Outcome<T>(OutcomeKind.Invalid, default, [error]);

    public static Outcome<T> NotFound<T>(string why) => new Outcome<T>(OutcomeKind.NotFound, default, [why]);

    public static Outcome<T> Forbidden<T>(string why) => new Outcome<T>(OutcomeKind.Forbidden, default, [why]);

    public static Outcome<T> Locked<T>(string why) => new Outcome<T>(OutcomeKind.Locked, default, [why]);

    public static Outcome<T> Conflict<T>(string why) => new Outcome<T>(OutcomeKind.Conflict, default, [why]);

    public static Outcome<T> Conflict<T>(IEnumerable<string> why) => new Outcome<T>(OutcomeKind.Conflict, default, why.ToList());
}

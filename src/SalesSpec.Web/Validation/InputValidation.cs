using FluentValidation;
using FluentValidation.Results;

namespace SalesSpec.Web.Validation;

/// <summary>
/// The one place input meets its FluentValidation rules. Services get an <see cref="Outcome{T}"/>, endpoints a
/// validation problem, statically rendered forms a message per field; interactive forms go through
/// <see cref="ValidatedForm{TModel}"/>. Nothing else calls a validator.
/// </summary>
public static class InputValidation
{
    /// <summary>The input back when its rules hold, else <see cref="OutcomeKind.Invalid"/> with every message.</summary>
    public static async Task<Outcome<T>> CheckAsync<T>(this IValidator<T> validator, T input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(input, cancellationToken);
        return result.IsValid ? Outcome.Done(input) : Outcome.Invalid<T>(result.Errors.Select(e => e.ErrorMessage));
    }

    /// <summary>Every message for a batch of inputs (in their order), empty when all hold.</summary>
    public static async Task<List<string>> ErrorsAsync<T>(this IValidator<T> validator, IEnumerable<T> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new List<string>();
        foreach (var input in inputs)
        {
            var result = await validator.ValidateAsync(input, cancellationToken);
            errors.AddRange(result.Errors.Select(e => e.ErrorMessage));
        }
        return errors;
    }

    /// <summary>A 400 validation problem keyed by field, or null when the input holds.</summary>
    public static async Task<IResult?> ProblemAsync<T>(this IValidator<T> validator, T input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(input, cancellationToken);
        return result.IsValid ? null : TypedResults.ValidationProblem(result.ToDictionary());
    }

    /// <summary>The first message per field, for the statically rendered account forms; empty when the input holds.</summary>
    public static async Task<Dictionary<string, string>> FieldErrorsAsync<T>(this IValidator<T> validator, T input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(input, cancellationToken);
        return result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
    }

    /// <summary>Errors and warnings with their fields, for forms that show both (the week: warnings never block a save).</summary>
    public static Task<ValidationResult> ReviewAsync<T>(this IValidator<T> validator, T input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.ValidateAsync(input, cancellationToken);
    }

    /// <summary>The same, synchronously, for a form that checks on every keystroke.</summary>
    public static ValidationResult Review<T>(this IValidator<T> validator, T input)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(input);
    }

    /// <summary>MudForm's per-field validation function: only the rules of the field being checked run.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}

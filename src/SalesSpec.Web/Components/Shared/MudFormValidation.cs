using FluentValidation;

namespace SalesSpec.Web.Components.Shared;

/// <summary>Turns FluentValidation results into what forms show: MudForm's per-field function, or one message per field.</summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };

    /// <summary>The first message per property, for the statically rendered account forms.</summary>
    public static Dictionary<string, string> ToFieldErrors(this FluentValidation.Results.ValidationResult result) =>
        result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
}

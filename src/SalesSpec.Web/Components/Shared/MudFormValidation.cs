using FluentValidation;

namespace SalesSpec.Web.Components.Shared;

/// <summary>Turns any FluentValidation validator into MudForm's per-field validation function: one source of input rules.</summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}

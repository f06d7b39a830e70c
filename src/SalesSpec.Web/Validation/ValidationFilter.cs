using FluentValidation;

namespace SalesSpec.Web.Validation;

/// <summary>
/// Validates an endpoint's <typeparamref name="T"/> argument (a JSON body or an <c>[AsParameters]</c> record) before
/// the handler runs: a missing body or a broken rule is a 400 validation problem, and the handler never sees it.
/// </summary>
public static class ValidationFilter
{
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .ProducesValidationProblem()
            .AddEndpointFilter(async (context, next) =>
            {
                var input = context.Arguments.OfType<T>().FirstOrDefault();
                if (input is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["Send the request's fields as JSON."] });
                }
                var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
                return await validator.ProblemAsync(input, context.HttpContext.RequestAborted) ?? await next(context);
            });
    }
}

namespace SalesSpec.Web.Features.Access;

/// <summary>Turns a service's <see cref="Outcome{T}"/> into the API's answer: problem+json for every failure.</summary>
public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> done)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(done);
        return outcome.Kind switch
        {
            OutcomeKind.Done => done(outcome.Value!),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = outcome.Errors.ToArray() }),
            OutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Message),
            OutcomeKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: outcome.Message),
            OutcomeKind.Locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Week locked", detail: outcome.Message),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict", detail: outcome.Message),
        };
    }
}

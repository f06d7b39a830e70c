using FluentValidation;
using SalesSpec.Domain.Common;
using SalesSpec.Formats.AnalysisJson;

namespace SalesSpec.Web.Features.Analysis;

public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/organizations/{id:int}/analysis", GetAnalysisAsync)
            .WithName("GetAnalysis")
            .WithSummary("The workload analysis of an organisation or one team over a period of ISO weeks.")
            .Produces<AnalysisDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetAnalysisAsync(
        int id,
        string? from,
        string? to,
        string? team,
        AnalysisService analysis,
        IValidator<AnalysisQuery> validator,
        CancellationToken cancellationToken)
    {
        var (defaultFrom, defaultTo) = analysis.DefaultPeriod();
        var query = new AnalysisQuery(
            string.IsNullOrWhiteSpace(from) ? defaultFrom.ToString() : from,
            string.IsNullOrWhiteSpace(to) ? defaultTo.ToString() : to,
            string.IsNullOrWhiteSpace(team) ? null : team);
        var validation = await validator.ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var outcome = await analysis.AnalyzeAsync(id, IsoWeek.Parse(query.From!), IsoWeek.Parse(query.To!), query.Team, cancellationToken: cancellationToken);
        if (outcome.OrganizationMissing)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organisation not found",
                detail: $"There is no organisation {id}.");
        }
        if (outcome.KnownTeams is { } teams)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["team"] = [$"There is no team named '{query.Team}'. Teams: {(teams.Count == 0 ? "none" : string.Join(", ", teams))}."],
            });
        }
        return Results.Json(AnalysisJsonWriter.ToDocument(outcome.Result!), AnalysisJsonWriter.Options);
    }
}

using System.Security.Claims;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>Scenarios over the API: the list, and one scenario as CSV or Excel (docs/scenarios.md).</summary>
public static class ScenarioEndpoints
{
    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/scenarios", ListAsync)
            .WithName("ListScenarios")
            .WithSummary("The organisation's saved scenarios (Admins, Leaders and Consultants).")
            .Produces<IReadOnlyList<ScenarioSummary>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{id:int}/scenarios/{scenarioId:int}/export.csv", (int id, int scenarioId, ClaimsPrincipal user, OrganizationAccess access, ScenarioService scenarios, CancellationToken cancellationToken) =>
                ExportAsync(id, scenarioId, user, access, scenarios, "csv", cancellationToken))
            .WithName("ExportScenarioCsv")
            .WithSummary("One scenario as CSV: a line per person with their role today and in the scenario, and how their week would look.")
            .Produces<string>(contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{id:int}/scenarios/{scenarioId:int}/export.xlsx", (int id, int scenarioId, ClaimsPrincipal user, OrganizationAccess access, ScenarioService scenarios, CancellationToken cancellationToken) =>
                ExportAsync(id, scenarioId, user, access, scenarios, "xlsx", cancellationToken))
            .WithName("ExportScenarioWorkbook")
            .WithSummary("One scenario as an Excel workbook: figures against today, people, capacity by month, hand-offs.")
            .Produces<byte[]>(contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(int id, ClaimsPrincipal user, OrganizationAccess access, ScenarioService scenarios, CancellationToken cancellationToken)
    {
        var member = await access.ForAsync(user, id, cancellationToken);
        if (member is null)
        {
            return ApiProblems.OrganizationNotFound(id);
        }
        if (!member.MayPlanScenarios)
        {
            return Forbidden();
        }
        return Results.Ok(await scenarios.ListAsync(member, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(
        int id, int scenarioId, ClaimsPrincipal user, OrganizationAccess access, ScenarioService scenarios, string format, CancellationToken cancellationToken)
    {
        var member = await access.ForAsync(user, id, cancellationToken);
        if (member is null)
        {
            return ApiProblems.OrganizationNotFound(id);
        }
        if (!member.MayPlanScenarios)
        {
            return Forbidden();
        }
        var workspace = await scenarios.OpenAsync(member, scenarioId, cancellationToken);
        if (workspace is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Scenario not found",
                detail: $"Organisation {id} has no scenario {scenarioId}.");
        }
        var slug = string.Concat(workspace.Draft.Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
        var name = $"scenario-{(slug.Length == 0 ? scenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture) : slug)}.{format}";
        return format == "csv"
            ? Results.Stream(async body => await ScenarioExport.WriteCsvAsync(workspace, body, cancellationToken), "text/csv; charset=utf-8", name)
            : Results.Stream(async body => await ScenarioExport.WriteWorkbookAsync(workspace, body, cancellationToken),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static IResult Forbidden() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: ScenarioService.NotAllowed);
}

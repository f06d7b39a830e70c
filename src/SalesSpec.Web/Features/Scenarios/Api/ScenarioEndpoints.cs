using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios.Api;

/// <summary>Scenarios over the API: list, create, read and change one (the board's rules and version check), and export it as CSV or Excel (docs/api.md).</summary>
public static class ScenarioEndpoints
{
    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/scenarios", ListAsync)
            .WithName("ListScenarios")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("The organisation's saved scenarios (Admins, Leaders and Consultants).")
            .Produces<IReadOnlyList<ScenarioSummary>>();
        api.MapPost("/organizations/{id:int}/scenarios", CreateAsync)
            .WithName("CreateScenario")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("A new scenario over an analysed period (ISO weeks), optionally starting from a recommendation's workload.")
            .Produces<ScenarioDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/organizations/{id:int}/scenarios/{scenarioId:int}", GetAsync)
            .WithName("GetScenario")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("One scenario: its moves, new people and hand-offs, and its figures against today's, recomputed from its period's hours.")
            .Produces<ScenarioDocument>();
        api.MapPut("/organizations/{id:int}/scenarios/{scenarioId:int}", PutAsync)
            .WithName("PutScenario")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("Change a scenario: send the version you read and the fields to replace (others keep their value); a stale version gets 409.")
            .Produces<ScenarioDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/organizations/{id:int}/scenarios/{scenarioId:int}/export.csv", (int id, int scenarioId, MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken) =>
                ExportAsync(id, scenarioId, member!, scenarios, "csv", cancellationToken))
            .WithName("ExportScenarioCsv")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("One scenario as CSV: a line per person with their role today and in the scenario, and how their week would look.")
            .Produces<string>(contentType: "text/csv");
        api.MapGet("/organizations/{id:int}/scenarios/{scenarioId:int}/export.xlsx", (int id, int scenarioId, MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken) =>
                ExportAsync(id, scenarioId, member!, scenarios, "xlsx", cancellationToken))
            .WithName("ExportScenarioWorkbook")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("One scenario as an Excel workbook: figures against today, people, capacity by month, hand-offs.")
            .Produces<byte[]>(contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return api;
    }

    private static IResult ScenarioNotFound(int id, int scenarioId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Scenario not found", detail: $"Organisation {id} has no scenario {scenarioId}.");

    private static IResult Invalid(IEnumerable<string> errors) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = errors.ToArray() });

    private static async Task<IResult> ListAsync(MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken) =>
        Results.Ok(await scenarios.ListAsync(member!, cancellationToken));

    private static async Task<IResult> CreateAsync(
        int id, NewScenarioForm? form, MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken)
    {
        if (form is null)
        {
            return Invalid(["Send the scenario's name, from and to (ISO weeks such as 2026-W36) and, optionally, focus."]);
        }
        var created = await scenarios.CreateAsync(member!, form, cancellationToken);
        if (!created.Succeeded)
        {
            return Invalid(created.Errors);
        }
        var scenarioId = created.Value;
        var workspace = await scenarios.OpenAsync(member!, scenarioId, cancellationToken);
        return Results.Created($"/api/v1/organizations/{id}/scenarios/{scenarioId}", ScenarioDocument.Of(workspace!));
    }

    private static async Task<IResult> GetAsync(int id, int scenarioId, MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken)
    {
        var workspace = await scenarios.OpenAsync(member!, scenarioId, cancellationToken);
        return workspace is null ? ScenarioNotFound(id, scenarioId) : Results.Ok(ScenarioDocument.Of(workspace));
    }

    private static async Task<IResult> PutAsync(
        int id, int scenarioId, ScenarioUpdate? update, MemberAccess? member, ScenarioService scenarios, CancellationToken cancellationToken)
    {
        if (update is null)
        {
            return Invalid(["Send the version you read and the fields to change."]);
        }
        if (update.Hires?.Any(h => h is null) == true)
        {
            return Invalid(["A line of new people is missing: send each as { role, count, internal, startMonth }."]);
        }
        var workspace = await scenarios.OpenAsync(member!, scenarioId, cancellationToken);
        if (workspace is null)
        {
            return ScenarioNotFound(id, scenarioId);
        }
        var draft = update.ApplyTo(workspace.Draft);
        // A new move must name a rep of the period (a typo would otherwise be kept and silently left out of
        // the figures); moves already saved for reps who have since left stay, as on the board.
        var reps = workspace.Baseline.Reps.Select(r => r.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = draft.Roles.Keys.Where(e => !reps.Contains(e) && !workspace.Draft.Roles.ContainsKey(e)).ToList();
        if (unknown.Count > 0)
        {
            return Invalid(unknown.Select(e => $"'{e}' is not a rep of the scenario's period ({workspace.Baseline.From} – {workspace.Baseline.To})."));
        }
        var saved = await scenarios.SaveAsync(member!, draft, cancellationToken);
        if (saved.Kind == OutcomeKind.Conflict)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else", detail: saved.Message);
        }
        if (!saved.Succeeded)
        {
            return Invalid(saved.Errors);
        }
        var reread = await scenarios.OpenAsync(member!, scenarioId, cancellationToken);
        return reread is null ? ScenarioNotFound(id, scenarioId) : Results.Ok(ScenarioDocument.Of(reread));
    }

    private static async Task<IResult> ExportAsync(
        int id, int scenarioId, MemberAccess member, ScenarioService scenarios, string format, CancellationToken cancellationToken)
    {
        var workspace = await scenarios.OpenAsync(member!, scenarioId, cancellationToken);
        if (workspace is null)
        {
            return ScenarioNotFound(id, scenarioId);
        }
        var slug = string.Concat(workspace.Draft.Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
        var name = $"scenario-{(slug.Length == 0 ? scenarioId.ToString(System.Globalization.CultureInfo.InvariantCulture) : slug)}.{format}";
        return format == "csv"
            ? Results.Stream(async body => await ScenarioExport.WriteCsvAsync(workspace, body, cancellationToken), "text/csv; charset=utf-8", name)
            : Results.Stream(async body => await ScenarioExport.WriteWorkbookAsync(workspace, body, cancellationToken),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}

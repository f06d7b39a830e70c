namespace SalesSpec.Web.Features.Teams;

/// <summary>Teams over the API: list, create, change (name, archived, managers; with the version read) and merge (docs/api.md).</summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/teams", ListAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("ListTeams")
            .WithSummary("Every team, archived ones too, with its active people, its managers and its version.")
            .Produces<IReadOnlyList<TeamDocument>>();
        api.MapPost("/organizations/{id:int}/teams", CreateAsync)
            .RequirePermission(Permission.ManageTeams)
            .WithName("CreateTeam")
            .WithSummary("A new team; names are unique in the organisation, ignoring case (Admins).")
            .Produces<TeamDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPatch("/organizations/{id:int}/teams/{teamId:int}", PatchAsync)
            .RequirePermission(Permission.ManageTeams)
            .WithName("PatchTeam")
            .WithSummary("Rename, archive or restore a team, or set its managers: send the version you read and only what changes; a stale version gets 409.")
            .Produces<TeamDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/organizations/{id:int}/teams/{teamId:int}/merge", MergeAsync)
            .RequirePermission(Permission.ManageTeams)
            .WithName("MergeTeam")
            .WithSummary("Move the team's people and managers into another team and archive it; answers the team that took them.")
            .Produces<TeamDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(MemberAccess? member, TeamsService teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(await teams.ListAsync(member!, cancellationToken));

    private static async Task<IResult> CreateAsync(MemberAccess? member, TeamForm? form, TeamsService teams, CancellationToken cancellationToken) =>
        (await teams.CreateAsync(member!, form ?? new TeamForm(), cancellationToken))
            .ToResult(team => TypedResults.Created($"/api/v1/organizations/{member!.OrganizationId}/teams/{team.Id}", team));

    private static async Task<IResult> PatchAsync(
        MemberAccess? member, int teamId, TeamChange? change, TeamsService teams, CancellationToken cancellationToken) =>
        (await teams.ChangeAsync(member!, teamId, change ?? new TeamChange(null), cancellationToken)).ToResult(TypedResults.Ok);

    private static async Task<IResult> MergeAsync(
        MemberAccess? member, int teamId, TeamMerge? merge, TeamsService teams, CancellationToken cancellationToken) =>
        (await teams.MergeAsync(member!, teamId, merge ?? new TeamMerge(null, null), cancellationToken)).ToResult(TypedResults.Ok);
}

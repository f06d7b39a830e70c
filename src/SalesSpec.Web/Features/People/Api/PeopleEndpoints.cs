using SalesSpec.Web.Features.People.Services;

namespace SalesSpec.Web.Features.People.Api;

/// <summary>People (reps) over the API: a paged search, adding, partial changes with the version read, and bulk moves (docs/api.md).</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/reps", ListAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("ListReps")
            .WithSummary("One page of people, searched by name, email, team or role: ?search=&page=&pageSize=&sort=&descending=.")
            .Produces<RepPage>();
        api.MapPost("/organizations/{id:int}/reps", CreateAsync)
            .RequirePermission(Permission.ManagePeople)
            .WithName("CreateRep")
            .WithSummary("Add a person: name, email (unique in the organisation), teamId, roleId, fte, active (Admins).")
            .Produces<RepDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/organizations/{id:int}/reps/{repId:int}/team-history", TeamHistoryAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("RepTeamHistory")
            .WithSummary("Which team a person was in, week by week, oldest first: team, from (null: from the start), until (null: still).")
            .Produces<IReadOnlyList<RepTeamSpan>>();
        api.MapPost("/organizations/{id:int}/reps/move", MoveAsync)
            .RequirePermission(Permission.ManagePeople)
            .WithName("MoveReps")
            .WithSummary("Move several people to a team and/or role at once: all of them, or none (optional versions by id; a stale one gets 409).")
            .Produces<RepMoved>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPatch("/organizations/{id:int}/reps/{repId:int}", PatchAsync)
            .RequirePermission(Permission.ManagePeople)
            .WithName("PatchRep")
            .WithSummary("Change a person: send the version you read and only the fields to change; a stale version gets 409.")
            .Produces<RepDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(
        MemberAccess? member, string? search, int? page, int? pageSize, string? sort, bool? descending, PeopleService people, CancellationToken cancellationToken) =>
        TypedResults.Ok(await people.PageAsync(member!,
            new RepQuery(search, page ?? 1, pageSize ?? RepQuery.DefaultPageSize, sort, descending ?? false), cancellationToken));

    private static async Task<IResult> CreateAsync(MemberAccess? member, RepEdit? edit, PeopleService people, CancellationToken cancellationToken) =>
        (await people.CreateAsync(member!, edit ?? new RepEdit(), cancellationToken))
            .ToResult(rep => TypedResults.Created($"/api/v1/organizations/{member!.OrganizationId}/reps/{rep.Id}", rep));

    private static async Task<IResult> PatchAsync(
        MemberAccess? member, int repId, RepPatch? patch, PeopleService people, CancellationToken cancellationToken)
    {
        if (patch?.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the version you read (GET the reps first)."] });
        }
        if (await people.GetAsync(member!, repId, cancellationToken) is not { } current)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no person {repId} in this organisation.");
        }
        return (await people.UpdateAsync(member!, repId, patch.ApplyTo(current), cancellationToken)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> TeamHistoryAsync(MemberAccess? member, int repId, PeopleService people, CancellationToken cancellationToken) =>
        await people.TeamHistoryAsync(member!, repId, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no person {repId} in this organisation.");

    private static async Task<IResult> MoveAsync(MemberAccess? member, RepMove? move, PeopleService people, CancellationToken cancellationToken) =>
        (await people.MoveAsync(member!, move ?? new RepMove(null), cancellationToken)).ToResult(moved => TypedResults.Ok(new RepMoved(moved)));
}

using SalesSpec.Web.Features.Catalogue.Services;

namespace SalesSpec.Web.Features.Catalogue.Api;

/// <summary>The activity catalogue over the API: read, add, and change one activity with the version read (docs/api.md).</summary>
public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/activities", ListAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("ListActivities")
            .WithSummary("The activity catalogue in its order, with each activity's function, version and hours of the last 12 complete weeks.")
            .Produces<CatalogueView>();
        api.MapPost("/organizations/{id:int}/activities", AddAsync)
            .RequirePermission(Permission.ManageCatalogue)
            .WithName("AddActivity")
            .WithSummary("Add an activity (name, function) at the end of the catalogue (Admins).")
            .Produces<CatalogueRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPatch("/organizations/{id:int}/activities/{activityId:int}", PatchAsync)
            .RequirePermission(Permission.ManageCatalogue)
            .WithName("PatchActivity")
            .WithSummary("Rename, move (sortOrder), archive or restore an activity, or change its function for every week or fromWeek on; send the version read, a stale one gets 409.")
            .Produces<CatalogueRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(MemberAccess? member, CatalogueService catalogue, CancellationToken cancellationToken) =>
        (await catalogue.ViewAsync(member!, cancellationToken)).ToResult(TypedResults.Ok);

    private static async Task<IResult> AddAsync(MemberAccess? member, NewActivity? activity, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        if (activity is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["Send the activity's name and function."] });
        }
        var added = await catalogue.AddAsync(member!, activity, cancellationToken);
        return added.ToResult(row => TypedResults.Created($"/api/v1/organizations/{member!.OrganizationId}/activities/{row.Id}", row));
    }

    private static async Task<IResult> PatchAsync(
        MemberAccess? member, int activityId, ActivityPatch? patch, CatalogueService catalogue, CancellationToken cancellationToken) =>
        (await catalogue.ChangeAsync(member!, activityId, patch ?? new ActivityPatch(null), cancellationToken)).ToResult(TypedResults.Ok);
}

using SalesSpec.Web.Features.Roles.Services;

namespace SalesSpec.Web.Features.Roles.Api;

/// <summary>Roles over the API: read, add a custom role, and change a role's cost or ramp with the version read (docs/api.md).</summary>
public static class RolesEndpoints
{
    public static IEndpointRouteBuilder MapRolesEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:int}/roles", ListAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("ListRoles")
            .WithSummary("The organisation's roles with core workload, annual loaded cost (in the organisation's currency), ramp and version.")
            .Produces<RolesDocument>();
        api.MapPost("/organizations/{id:int}/roles", AddAsync)
            .RequirePermission(Permission.ManageRoles)
            .WithName("AddRole")
            .WithSummary("Add a custom role with a core workload of the organisation's template (Admins).")
            .Produces<RoleDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPatch("/organizations/{id:int}/roles/{roleId:int}", PatchAsync)
            .RequirePermission(Permission.ManageRoles)
            .WithName("PatchRole")
            .WithSummary("Change a role's annual loaded cost or ramp; send the version read, a stale one gets 409.")
            .Produces<RoleDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(MemberAccess? member, RolesService roles, CancellationToken cancellationToken) =>
        (await roles.ListAsync(member!, cancellationToken)).ToResult(view => TypedResults.Ok(RolesDocument.Of(view)));

    private static async Task<IResult> AddAsync(MemberAccess? member, NewRole? role, RolesService roles, CancellationToken cancellationToken)
    {
        if (role is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["Send the role's name, coreWorkload and, optionally, isAnalysed, annualLoadedCost and rampMonths."] });
        }
        var added = await roles.AddAsync(member!, role, cancellationToken);
        return added.ToResult(saved => TypedResults.Created($"/api/v1/organizations/{member!.OrganizationId}/roles/{saved.Id}", RoleDocument.Of(saved)));
    }

    private static async Task<IResult> PatchAsync(MemberAccess? member, int roleId, RolePatch? patch, RolesService roles, CancellationToken cancellationToken) =>
        (await roles.PatchAsync(member!, roleId, patch ?? new RolePatch(null), cancellationToken)).ToResult(saved => TypedResults.Ok(RoleDocument.Of(saved)));
}

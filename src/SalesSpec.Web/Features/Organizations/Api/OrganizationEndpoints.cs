using SalesSpec.Web.Features.Organizations.Services;

namespace SalesSpec.Web.Features.Organizations.Api;

/// <summary>Client organisations over the API: list, create, read, change (with the version read) and delete (docs/api.md).</summary>
public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations", ListAsync)
            .WithName("ListOrganizations")
            .WithSummary("The organisations you are a member of, with your role in each.")
            .Produces<IReadOnlyList<OrganizationSummary>>();
        api.MapPost("/organizations", CreateAsync)
            .WithName("CreateOrganization")
            .WithSummary("A new client organisation with its template's roles and activity catalogue; you become its Admin (Admins and Consultants).")
            .Produces<OrganizationDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/organizations/{id:int}", GetAsync)
            .RequirePermission(Permission.SeeWholeOrganization)
            .WithName("GetOrganization")
            .WithSummary("The organisation's settings, whether it is archived, and its version.")
            .Produces<OrganizationDocument>();
        api.MapPatch("/organizations/{id:int}", PatchAsync)
            .RequirePermission(Permission.ManageOrganization)
            .WithName("PatchOrganization")
            .WithSummary("Change the name and settings, or archive and restore: send the version you read and only the fields to change; a stale version gets 409.")
            .Produces<OrganizationDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/organizations/{id:int}", DeleteAsync)
            .RequirePermission(Permission.DeleteOrganization)
            .WithName("DeleteOrganization")
            .WithSummary("Delete the organisation and all its data; ?confirm= must be its exact name. Kept in the system audit log.")
            .Produces<DeletedOrganization>()
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, OrganizationAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok((await access.MembershipsAsync(user, cancellationToken))
            .Select(m => new OrganizationSummary(m.OrganizationId, m.OrganizationName, m.Role, m.IsArchived)).ToList());

    private static async Task<IResult> CreateAsync(
        OrganizationForm? form, ClaimsPrincipal user, OrganizationAdminService organizations, CancellationToken cancellationToken)
    {
        if (form is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["request"] = ["Send the organisation's name and, optionally, template, threshold, standardWeeklyHours, inboundLeadsPerMonth, timeZone and currency."],
            });
        }
        var created = await organizations.CreateAsync(user, form, cancellationToken);
        return created.ToResult(id => TypedResults.Created($"/api/v1/organizations/{id}", OrganizationDocument.Of(id, form)));
    }

    private static async Task<IResult> GetAsync(MemberAccess? member, OrganizationAdminService organizations, CancellationToken cancellationToken) =>
        await organizations.SettingsAsync(member!, cancellationToken) is { } settings
            ? TypedResults.Ok(OrganizationDocument.Of(member!.OrganizationId, settings))
            : TypedResults.NotFound();

    private static async Task<IResult> PatchAsync(
        MemberAccess? member, OrganizationPatch? patch, OrganizationAdminService organizations, CancellationToken cancellationToken)
    {
        if (patch?.Version is not int version)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the version you read (GET the organisation first)."] });
        }
        if (patch.Archived is not null && patch.ChangesSettings)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["archived"] = ["Archive or restore in a request of its own, not together with other changes."] });
        }
        var current = await organizations.SettingsAsync(member!, cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }
        var outcome = patch.Archived is bool archived
            ? await organizations.SetArchivedAsync(member!, archived, version, cancellationToken)
            : await organizations.SaveSettingsAsync(member!, patch.ApplyTo(current), cancellationToken);
        return outcome.ToResult(saved => TypedResults.Ok(OrganizationDocument.Of(member!.OrganizationId, saved)));
    }

    private static async Task<IResult> DeleteAsync(
        MemberAccess? member, string? confirm, OrganizationAdminService organizations, CancellationToken cancellationToken) =>
        (await organizations.DeleteAsync(member!, confirm, cancellationToken)).ToResult(TypedResults.Ok);
}

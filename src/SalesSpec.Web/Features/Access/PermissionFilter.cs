namespace SalesSpec.Web.Features.Access;

/// <summary>Names the permission an endpoint needs; the security tests read it to check the endpoint against the table.</summary>
public sealed record PermissionRequirement(Permission Permission);

/// <summary>
/// The one check in front of an organisation endpoint: the caller is a member of the organisation in the route
/// (else 404, as for one that does not exist) and, where the endpoint names one, holds the permission (else 403).
/// Handlers then take the member as a <see cref="MemberAccess"/> parameter, resolved once per request.
/// </summary>
public static class PermissionFilter
{
    public static RouteHandlerBuilder RequirePermission(this RouteHandlerBuilder builder, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(new PermissionRequirement(permission))
            .AddEndpointFilter(Check(permission))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Any member will do: what they may see is narrowed by the service (a manager's teams, a rep's own weeks),
    /// not refused as a whole.
    /// </summary>
    public static RouteHandlerBuilder RequireMembership(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(Check(null)).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Check(Permission? permission) =>
        async (context, next) =>
        {
            var member = context.Arguments.OfType<MemberAccess>().FirstOrDefault();
            if (member is null)
            {
                // Not a member and no such organisation look the same from outside, as on every endpoint.
                var id = context.HttpContext.Request.RouteValues.TryGetValue("id", out var value)
                    && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var parsed) ? parsed : 0;
                return ApiProblems.OrganizationNotFound(id);
            }
            if (permission is { } needed && !member.May(needed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: member.IsArchived && Permissions.Allows(member.Role, needed)
                        ? $"{member.OrganizationName} is archived: restore it before changing anything."
                        : $"Your role ({member.Role}) may not do this: it needs {needed} ({string.Join(", ", Permissions.RolesWith(needed))}).");
            }
            return await next(context);
        };
}

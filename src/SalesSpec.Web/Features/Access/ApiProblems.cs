namespace SalesSpec.Web.Features.Access;

/// <summary>Answers every organisation endpoint gives alike.</summary>
public static class ApiProblems
{
    /// <summary>Not a member and no such organisation look the same from outside.</summary>
    public static IResult OrganizationNotFound(int id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organisation not found",
            detail: $"There is no organisation {id} that you are a member of.");
}

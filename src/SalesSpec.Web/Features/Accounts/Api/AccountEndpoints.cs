using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Accounts.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Form posts (with their antiforgery token, checked by the framework for form-bound endpoints). Both end the
        // session on the server too, so a copy of the cookie stops working.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] UserSessionService sessions, IFormCollection form) =>
        {
            if (OrganizationAccess.UserId(context.User) is { } userId && UserSessionService.SessionId(context.User) is { } session)
            {
                await sessions.EndAsync(userId, session, context.RequestAborted);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        endpoints.MapPost("/Account/LogoutEverywhere", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] UserSessionService sessions, IFormCollection form) =>
        {
            if (OrganizationAccess.UserId(context.User) is { } userId)
            {
                await sessions.EndAllAsync(userId, cancellationToken: context.RequestAborted);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}

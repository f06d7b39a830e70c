using Microsoft.AspNetCore.Mvc;
using SalesSpec.Web.Components.Account;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Features.Notifications.Api;

/// <summary>
/// The bell of a statically rendered page (StaticBarActions) has no circuit to mark a notification read: its items are
/// small forms posting here (with their antiforgery token, checked by the framework for form-bound endpoints), which
/// mark it read and go on to its page, or back to the page the bell was on.
/// </summary>
public static class NotificationFormEndpoints
{
    public const string Open = "/notifications/open";
    public const string ReadAll = "/notifications/read-all";

    public static IEndpointRouteBuilder MapNotificationFormEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Open, async (HttpContext context, [FromServices] NotificationService notifications, [FromForm] long id, [FromForm] string? returnUrl) =>
        {
            // Only the person's own notifications are marked or followed; another id changes nothing and goes back.
            var (latest, _) = await notifications.ForUserAsync(context.User, context.RequestAborted);
            var opened = latest.FirstOrDefault(n => n.Id == id);
            await notifications.MarkReadAsync(context.User, id, context.RequestAborted);
            return TypedResults.Redirect(Local(opened?.Link) ?? Local(returnUrl) ?? "/");
        }).RequireAuthorization();
        endpoints.MapPost(ReadAll, async (HttpContext context, [FromServices] NotificationService notifications, [FromForm] string? returnUrl) =>
        {
            await notifications.MarkReadAsync(context.User, null, context.RequestAborted);
            return TypedResults.Redirect(Local(returnUrl) ?? "/");
        }).RequireAuthorization();
        return endpoints;
    }

    // A path on this site, or nothing: a posted return address is input like any other.
    private static string? Local(string? address) =>
        address is not null && address.StartsWith('/') && IdentityRedirectManager.IsLocal(address) ? address : null;
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Setup;

/// <summary>
/// Cross-site request forgery on the API. A browser sends the session cookie with any request, including one a
/// foreign page makes it send, so a request that changes data on the strength of the cookie alone must prove it
/// comes from SalesSpec's own pages: an <c>Origin</c> header naming this site, or the antiforgery token in
/// <see cref="HeaderName"/>. Token callers (<c>Authorization: Bearer …</c>) are not affected: a foreign page
/// cannot add that header.
/// </summary>
public static class ApiCsrfSetup
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string RefusedDetail =
        "A browser session may change data only from SalesSpec's own pages: send an Origin header naming this site or the antiforgery token in "
        + HeaderName + " (GET /api/v1/auth/antiforgery). Scripts should use a personal access token instead.";

    public static IServiceCollection AddApiCsrf(this IServiceCollection services) =>
        services.AddAntiforgery(options => options.HeaderName = HeaderName);

    /// <summary>After authentication, on the API branch only.</summary>
    public static IApplicationBuilder UseApiCsrfCheck(this IApplicationBuilder api) =>
        api.Use(async (context, next) =>
        {
            if (SessionChangesData(context) && !SameOrigin(context.Request) && !await HasValidTokenAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Cross-site request refused", Detail = RefusedDetail },
                });
                return;
            }
            await next(context);
        });

    private static bool SessionChangesData(HttpContext context)
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        return !safe
            && !context.Request.Headers.ContainsKey("Authorization")
            && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
    }

    /// <summary>Browsers send Origin with every cross-site (and same-site) POST, PUT, PATCH and DELETE; it cannot be forged by a page.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> HasValidTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey(HeaderName)
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}

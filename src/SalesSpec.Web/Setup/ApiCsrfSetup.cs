using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Setup;

/// <summary>
/// Cross-site request forgery on the API. A browser sends the session cookie with any request, including one a
/// foreign page makes it send, so a request that changes data on the strength of the cookie alone must prove it
/// comes from SalesSpec's own pages: an <c>Origin</c> header naming this site (scheme, host and port as the app
/// sees the request: behind a proxy, keep the public Host), or the antiforgery token in <see cref="HeaderName"/>.
/// Callers with a valid personal access token are not affected: a foreign page cannot send one.
/// </summary>
public static class ApiCsrfSetup
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string RefusedDetail =
        "A browser session may change data only from SalesSpec's own pages: send an Origin header naming this site or the antiforgery token in "
        + HeaderName + " (GET /api/v1/auth/antiforgery). Scripts should use a personal access token instead.";

    public static IServiceCollection AddApiCsrf(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.HeaderName = HeaderName;
            // Secure whenever the page came over https, including https that ended at a proxy (ProxySetup); the
            // antiforgery cookie's default would send it over plain http too.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    /// <summary>After authentication, on the API branch only.</summary>
    public static IApplicationBuilder UseApiCsrfCheck(this IApplicationBuilder api) =>
        api.Use(async (context, next) =>
        {
            if (SessionChangesData(context) && !SameOrigin(context.Request) && !await HasValidTokenAsync(context) && !await IsTokenCallAsync(context))
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
        return !safe && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// A valid personal access token: a foreign page cannot send one. Only a token that authenticates counts: a
    /// browser adds Basic or Negotiate credentials by itself behind some proxies, and those must not lift the check.
    /// </summary>
    private static async Task<bool> IsTokenCallAsync(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && (await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName)).Succeeded;

    /// <summary>Browsers send Origin with every cross-site (and same-site) POST, PUT, PATCH and DELETE; it cannot be forged by a page.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var defaultPort = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == (request.Host.Port ?? defaultPort);
    }

    private static async Task<bool> HasValidTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey(HeaderName)
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}

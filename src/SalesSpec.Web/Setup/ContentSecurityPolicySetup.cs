using System.Security.Cryptography;

namespace SalesSpec.Web.Setup;

/// <summary>
/// The Content-Security-Policy of every page: scripts only from this site or with this response's nonce (Blazor's
/// import map is the one inline script), so injected markup cannot run script. Styles allow inline: MudBlazor
/// writes its theme as a style element and sizes things with style attributes, and neither takes a nonce.
/// The API answers JSON and files, so nothing in them may load or run anything.
/// </summary>
public static class ContentSecurityPolicySetup
{
    private const string NonceKey = "csp-nonce";

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
            {
                context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            // The API reference page is a third-party page with inline scripts of its own; it shows no data.
            else if (!path.StartsWithSegments("/scalar"))
            {
                // Hex, not base64: a "+" would reach the page HTML-encoded, and the test reading the markup would not match it.
                var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                context.Response.Headers.ContentSecurityPolicy = string.Join("; ",
                    "default-src 'self'",
                    $"script-src 'self' 'nonce-{nonce}'",
                    "style-src 'self' 'unsafe-inline'",
                    "img-src 'self' data: blob:",
                    "font-src 'self' data:",
                    "connect-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'");
            }
            return next(context);
        });

    /// <summary>This response's nonce, for the page's one inline script.</summary>
    public static string? Nonce(HttpContext context) => context.Items[NonceKey] as string;
}

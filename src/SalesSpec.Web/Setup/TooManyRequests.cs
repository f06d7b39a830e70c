using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Setup;

/// <summary>
/// The 429 answer: always a Retry-After header; problem+json for the API; for pages a small page saying how long
/// to wait (written here, so the not-found page that re-executes empty error answers does not take its place).
/// </summary>
public static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext context, int seconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signingIn = context.Request.Path.StartsWithSegments("/Account/Login") || context.Request.Path.StartsWithSegments("/api/v1/auth/token");
        var words = signingIn ? SignInLimiter.WaitMessage(seconds) : $"Too many requests — wait {seconds} seconds and try again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            response.Headers.CacheControl = "no-store";
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = words },
            });
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Too many sign-in attempts · SalesSpec</title>
            <style>
            body { font-family: Roboto, Helvetica, Arial, sans-serif; background: #F5F7FB; color: #1c1c1c; margin: 0; }
            main { max-width: 440px; margin: 15vh auto; padding: 32px; background: #fff; border-radius: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.15); }
            h1 { font-size: 1.5rem; font-weight: 500; margin: 0 0 16px; }
            a { color: #2D4BA0; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{(signingIn ? "Too many sign-in attempts" : "Too many requests")}}</h1>
            <p data-testid="retry-after">{{words}}</p>
            <p><a href="/Account/Login">Back to sign-in</a></p>
            </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}

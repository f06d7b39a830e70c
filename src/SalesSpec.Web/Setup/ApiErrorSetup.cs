using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace SalesSpec.Web.Setup;

/// <summary>How the API fails: always problem+json with a trace id, never HTML, never a stack trace.</summary>
public static class ApiErrorSetup
{
    public const string ServerErrorDetail = "The server could not complete this request. Quote the trace id if you report it.";

    /// <summary>Bad requests reach the handler below as exceptions, so that they get a body saying what was wrong.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder api)
    {
        api.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteProblemAsync });
    }

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = error switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Echo.Cut(bad.InnerException is System.Text.Json.JsonException ? $"{bad.Message} The body is not valid JSON." : bad.Message)),
            _ => (StatusCodes.Status500InternalServerError, "Server error", ServerErrorDetail),
        };
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = error,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

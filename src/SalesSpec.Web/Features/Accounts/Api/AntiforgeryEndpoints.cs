using Microsoft.AspNetCore.Antiforgery;
using SalesSpec.Web.Setup;

namespace SalesSpec.Web.Features.Accounts.Api;

/// <summary>The antiforgery token for a page's own script that calls the API with the session cookie.</summary>
public static class AntiforgeryEndpoints
{
    public static IEndpointRouteBuilder MapAntiforgeryEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName ?? ApiCsrfSetup.HeaderName, tokens.RequestToken!));
            })
            .WithName("GetAntiforgeryToken")
            .WithSummary("The token a browser session sends in X-CSRF-TOKEN when it changes data without an Origin header. Not needed with a personal access token.");
        return api;
    }
}

public sealed record AntiforgeryToken(string HeaderName, string Token);

using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Accounts.Api;

/// <summary>Tokens for scripts, and the caller's organisations.</summary>
public static partial class AuthApiEndpoints
{
    public static IEndpointRouteBuilder MapAuthApiEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", CreateTokenAsync)
            .AllowAnonymous()
            .WithName("CreateToken")
            .WithSummary("Exchange an email and password for a personal access token (send it as 'Authorization: Bearer …').")
            .Validates<TokenRequest>()
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> CreateTokenAsync(
        TokenRequest request,
        SignInCheck check,
        PersonalAccessTokenService tokens,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await check.CheckAsync(request.Email!, request.Password!);
        if (outcome.RetryAfter is { } wait)
        {
            var seconds = SignInLimiter.Seconds(wait);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: SignInLimiter.WaitMessage(seconds));
        }
        if (outcome.User is not { } user)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: SignInCheck.FailedMessage);
        }
        var (token, secret) = await tokens.CreateAsync(user.Id, request.Name ?? "Script token", request.Days ?? PersonalAccessTokenService.DefaultDays, cancellationToken);
        return Results.Ok(new TokenResponse(secret, token.Name, token.ExpiresAt));
    }

}

public sealed record TokenResponse(string Token, string Name, DateTimeOffset ExpiresAt);

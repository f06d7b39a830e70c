using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Features.Accounts;

/// <summary>Tokens for scripts.</summary>
public static partial class AuthApiEndpoints
{
    public static IEndpointRouteBuilder MapAuthApiEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", CreateTokenAsync)
            .AllowAnonymous()
            .WithName("CreateToken")
            .WithSummary("Exchange an email and password for a personal access token (send it as 'Authorization: Bearer …').")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        // GET /organizations is OrganizationEndpoints' (with the archived flag); mapping it here too broke every request.
        return api;
    }

    private static async Task<IResult> CreateTokenAsync(
        TokenRequest request,
        IValidator<TokenRequest> validator,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        PersonalAccessTokenService tokens,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.ToDictionary());
        }
        var logger = loggers.CreateLogger("SalesSpec.Auth");
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        var check = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            LogTokenRefused(logger, request.Email, check.IsLockedOut);
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: check.IsLockedOut ? "Account locked" : "Sign-in failed",
                detail: check.IsLockedOut
                    ? "Too many failed attempts: this account is locked for 15 minutes."
                    : "That email and password do not match an account.");
        }
        var (token, secret) = await tokens.CreateAsync(user!.Id, request.Name ?? "Script token", request.Days ?? PersonalAccessTokenService.DefaultDays, cancellationToken);
        return Results.Ok(new TokenResponse(secret, token.Name, token.ExpiresAt));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an API token for {Email} (locked out: {LockedOut})")]
    private static partial void LogTokenRefused(ILogger logger, string? email, bool lockedOut);
}

public sealed record TokenResponse(string Token, string Name, DateTimeOffset ExpiresAt);


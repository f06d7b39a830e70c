using System.Security.Claims;
using System.Threading.RateLimiting;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Setup;

/// <summary>Rate limits (429) on sign-in, token and API requests, and the security headers of every response.</summary>
public static class HardeningSetup
{
    public static IServiceCollection AddSalesSpecRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 600);
        var answersPerMinute = configuration.GetValue("RateLimits:WorkshopAnswersPerMinute", 20);
        var joinPerMinute = configuration.GetValue("RateLimits:JoinPerMinute", 1200);
        // Made by the container (not passed in as an instance) so that the container disposes of its timer.
        services.AddSingleton(_ => new SignInLimiter(configuration.GetValue(SignInLimiter.Setting, SignInLimiter.DefaultPerMinute)));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                return new ValueTask(TooManyRequests.WriteAsync(context.HttpContext, SignInLimiter.Seconds(wait)));
            };
            var general = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // The client's own address (the proxy's X-Forwarded-For, see ProxySetup) for a sign-in; once signed in,
                // the person, so that colleagues behind one office address do not share a bucket.
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                var userId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
                var client = userId is null ? address : "user " + userId;
                var path = context.Request.Path;
                var signingIn = HttpMethods.IsPost(context.Request.Method)
                    && (path.StartsWithSegments("/Account/Login") || path.StartsWithSegments("/api/v1/auth/token"));
                if (signingIn)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => Window(signInPerMinute));
                }
                if (path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("api:" + client, _ => Window(apiPerMinute));
                }
                return RateLimitPartition.GetNoLimiter("pages");
            });
            // A workshop's room shares the venue's one address, so a phone's answers are limited per device cookie and
            // join code; the address's (generous) limit bounds how fast one client can try codes (docs/workshops.md).
            var joining = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/join")
                    ? RateLimitPartition.GetFixedWindowLimiter("join:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local"), _ => Window(joinPerMinute))
                    : RateLimitPartition.GetNoLimiter("not joining"));
            var answering = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var device = context.Request.Cookies[Features.Workshops.Services.JoinService.DeviceCookie];
                if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/join", out var code)
                    || string.IsNullOrEmpty(device) || device.Length > 100 || code.Value is not { Length: > 1 and <= 40 })
                {
                    return RateLimitPartition.GetNoLimiter("not answering");
                }
                return RateLimitPartition.GetFixedWindowLimiter("answer:" + code.Value.ToUpperInvariant() + ":" + device, _ => Window(answersPerMinute));
            });
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(general, joining, answering);
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}

using System.Net;
using System.Net.Http.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(settings: new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "3" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Token_requests_beyond_the_limit_get_429()
    {
        using var client = _app.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
                new { email = "nobody@demo.salesspec", password = "Whatever-123!" });
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        // The API's 429 says when to come back, in problem+json like every API error.
        int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        last.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        last.Dispose();
    }
}

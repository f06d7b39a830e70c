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
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
                new { email = "nobody@demo.salesspec", password = "Whatever-123!" });
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }
}

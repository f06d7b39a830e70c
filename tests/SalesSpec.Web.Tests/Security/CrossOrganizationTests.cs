using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>
/// Every page and API endpoint, discovered from the running app (so a new one is covered without
/// touching this file), tried anonymously and by Northwind people against Contoso Analytics.
/// </summary>
public sealed class CrossOrganizationTests : IAsyncLifetime
{
    // Pages anyone may open: signing in, first-run set-up (gone once used), accepting an invitation (the link is the secret),
    // answering a workshop (the join code is the key; WorkshopJoinHttpTests checks what it shows), errors.
    private static readonly string[] PublicPages = ["Account/Login", "setup", "invitation/{Token}", "join", "join/{Code}", "not-found", "Error"];

    // Any of these in a response means Contoso's data leaked.
    private static readonly string[] ContosoData = ["Contoso", "contoso.test", "Priya Shah", "Omar Haddad"];

    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private List<RouteEndpoint> Endpoints()
    {
        _app.StartServer();
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith('_') && !raw.Contains("{**", StringComparison.Ordinal))
            .ToList();
    }

    private static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static bool IsApi(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal);

    private static string Method(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods[0] : HttpMethods.Get;

    /// <summary>The endpoint's URL with every organisation id set to Contoso's.</summary>
    private static string Url(RouteEndpoint endpoint)
    {
        var url = endpoint.RoutePattern.RawText!.TrimStart('/');
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = parameter.Name.Contains("id", StringComparison.OrdinalIgnoreCase) ? AppFactory.Contoso.ToString(System.Globalization.CultureInfo.InvariantCulture) : "2026-W47";
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "[^}]*\\}", value);
        }
        return "/" + url;
    }

    private static HttpRequestMessage Request(RouteEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), new Uri(Url(endpoint), UriKind.Relative));
        if (request.Method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }

    [Fact]
    public void The_app_has_the_endpoints_this_test_expects_to_find()
    {
        var routes = Endpoints().Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToList();

        routes.ShouldContain("api/v1/organizations/{id:int}/analysis");
        routes.ShouldContain("organizations/{OrganizationId:int}");
        routes.ShouldContain("Account/Login");
    }

    [Fact]
    public void Every_page_but_sign_in_and_errors_requires_a_signed_in_user()
    {
        var unprotected = Endpoints().Where(IsPage)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Except(PublicPages)
            .ToList();

        unprotected.ShouldBeEmpty("pages without [Authorize]");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_sign_in_page_elsewhere()
    {
        using var client = _app.Client(redirects: false);
        // The public pages name the demo organisations on purpose (the demo sign-in list).
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
                     .Where(e => !PublicPages.Contains(e.RoutePattern.RawText!.TrimStart('/'))))
        {
            using var request = Request(endpoint);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var url = Url(endpoint);

            if (IsApi(endpoint))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
            }
            else if (IsPage(endpoint))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
                response.Headers.Location!.ToString().ShouldContain("Account/Login", customMessage: url);
            }
            ContosoData.ShouldAllBe(secret => !body.Contains(secret, StringComparison.OrdinalIgnoreCase), url);
        }
    }

    [Theory]
    [InlineData("admin@demo.salesspec")]
    [InlineData("leader@demo.salesspec")]
    [InlineData("manager@demo.salesspec")]
    [InlineData("rep@demo.salesspec")]
    public async Task Northwind_people_get_nothing_of_Contoso_from_any_page_or_endpoint(string email)
    {
        using var client = await _app.SignedInAsync(email);
        foreach (var endpoint in Endpoints().Where(e => !PublicPages.Contains(e.RoutePattern.RawText!.TrimStart('/'))))
        {
            using var request = Request(endpoint);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var url = $"{Method(endpoint)} {Url(endpoint)} as {email}";

            ContosoData.ShouldAllBe(secret => !body.Contains(secret, StringComparison.OrdinalIgnoreCase), url);
            // Absent data is not enough: a page that fails (500) shows no data either.
            ((int)response.StatusCode).ShouldBeLessThan(500, url);
            if (IsApi(endpoint) && endpoint.RoutePattern.Parameters.Any(p => p.Name == "id"))
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], url);
            }
            else if (IsPage(endpoint))
            {
                // A page answers, perhaps with "not found" or "not allowed" in words, after any redirect.
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound], url);
            }
        }
    }

    [Fact]
    public async Task The_consultant_of_both_organisations_does_see_Contoso()
    {
        using var client = await _app.SignedInAsync("consultant@demo.salesspec");

        var body = await client.GetStringAsync(new Uri($"/organizations/{AppFactory.Contoso}", UriKind.Relative));

        body.ShouldContain("Priya Shah");
    }
}

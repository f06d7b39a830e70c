using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SalesSpec.Web.Components.Layout;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Dashboard;

/// <summary>
/// The what-if slider's request (PartsRequest) through the whole app over HTTP: the parts that follow the line, each
/// the same as on the whole page at that line, and nothing around them; other pages and signed-out people are
/// answered as without the header.
/// </summary>
public sealed partial class DashboardPartsHttpTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _leader = null!;

    public async ValueTask InitializeAsync() => _leader = await _app.SignedInAsync("leader@demo.salesspec");

    public async ValueTask DisposeAsync()
    {
        _leader.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/organizations/1/dashboard?line=30")]
    [InlineData("/organizations/1/dashboard?line=12&q=a&sort=name&hpage=2")]
    [InlineData("/organizations/1/dashboard?line=25&rep=ana.ruiz%40northwind.test")]
    [InlineData("/organizations/1/dashboard?team=Commercial&weeks=26&line=22")]
    public async Task The_parts_are_the_pages_own_parts_and_nothing_else(string address)
    {
        var whole = await GetAsync(_leader, address, parts: false);
        var parts = await GetAsync(_leader, address, parts: true);

        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        parts.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wholeHtml = await whole.Content.ReadAsStringAsync();
        var partsHtml = await parts.Content.ReadAsStringAsync();
        // Nothing around them: no document, bar, navigation or charts that do not follow the line.
        partsHtml.ShouldNotContain("<html");
        partsHtml.ShouldNotContain("static-bar");
        partsHtml.ShouldNotContain("static-nav");
        partsHtml.ShouldNotContain("data-testid=\"workload-mix\"");
        partsHtml.ShouldNotContain("data-testid=\"weekly-trend\"");
        wholeHtml.ShouldContain("data-testid=\"workload-mix\"");
        partsHtml.Length.ShouldBeLessThan(wholeHtml.Length * 2 / 3);
        // The same parts in the same order, each the same figures and links as the whole page shows at that line.
        var fromWhole = Parts(wholeHtml);
        var fromParts = Parts(partsHtml);
        fromWhole.Count.ShouldBeGreaterThanOrEqualTo(7);
        fromParts.Select(part => part.Id).ShouldBe(fromWhole.Select(part => part.Id));
        for (var i = 0; i < fromWhole.Count; i++)
        {
            fromParts[i].Html.ShouldBe(fromWhole[i].Html, $"part {fromWhole[i].Id}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Neither_answer_is_kept_by_a_cache_for_the_other(bool parts)
    {
        var response = await GetAsync(_leader, "/organizations/1/dashboard?line=30", parts);

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Vary.ShouldContain(PartsRequest.Header);
    }

    [Theory]
    [InlineData("/organizations/1/team-week")]
    [InlineData("/Account/Manage")]
    public async Task Other_pages_ignore_the_header(string address)
    {
        var response = await GetAsync(_leader, address, parts: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<html");
        response.Headers.Vary.ShouldNotContain(PartsRequest.Header);
    }

    [Fact]
    public async Task Signed_out_the_parts_are_a_way_to_sign_in()
    {
        using var anonymous = _app.Client(redirects: false);

        var response = await GetAsync(anonymous, "/organizations/1/dashboard?line=30", parts: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string address, bool parts)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, UriKind.Relative));
        if (parts)
        {
            request.Headers.Add(PartsRequest.Header, PartsRequest.FollowsLine);
        }
        return await client.SendAsync(request);
    }

    // MudBlazor gives some elements a new random id (a GUID) at each render; those are the only differences allowed.
    private static List<(string Id, string Html)> Parts(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("[data-follows-line]")
            .Select(part => (part.Id ?? "", RandomId().Replace(part.OuterHtml, "<guid>"))).ToList();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RandomId();
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>The one permission table: printed in docs/security.md, and obeyed by every endpoint that names a permission.</summary>
public sealed class PermissionTableTests : IAsyncLifetime
{
    private const string Start = "<!-- permissions:start (generated from Permissions.cs by PermissionTableTests; do not edit by hand) -->";
    private const string End = "<!-- permissions:end -->";

    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The table as docs/security.md shows it.</summary>
    public static string Markdown()
    {
        var roles = Enum.GetValues<MemberRole>();
        var text = new StringBuilder();
        text.Append("| may | ").AppendJoin(" | ", roles).Append(" |\n");
        text.Append("|---|").AppendJoin("", roles.Select(_ => ":-:|")).Append('\n');
        foreach (var permission in Enum.GetValues<Permission>())
        {
            text.Append("| ").Append(Permissions.Describe(permission)).Append(" | ")
                .AppendJoin(" | ", roles.Select(r => Permissions.Allows(r, permission) ? "✓" : "")).Append(" |\n");
        }
        return text.ToString();
    }

    [Fact]
    public void Docs_security_prints_the_table_the_code_uses()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "security.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf(Start, StringComparison.Ordinal);
        var end = docs.IndexOf(End, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(-1, "docs/security.md lacks the permission table markers");
        var printed = docs[(start + Start.Length)..end].Trim('\n') + "\n";
        printed.ShouldBe(Markdown(), "Paste this table between the markers in docs/security.md:\n" + Markdown());
    }

    [Theory]
    [InlineData("admin@demo.salesspec", MemberRole.Admin)]
    [InlineData("leader@demo.salesspec", MemberRole.Leader)]
    [InlineData("manager@demo.salesspec", MemberRole.Manager)]
    [InlineData("rep@demo.salesspec", MemberRole.Rep)]
    [InlineData("consultant@demo.salesspec", MemberRole.Consultant)]
    public async Task Every_endpoint_that_names_a_permission_refuses_exactly_the_roles_the_table_leaves_out(string email, MemberRole role)
    {
        _app.StartServer();
        var guarded = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Requirement: e.Metadata.GetMetadata<PermissionRequirement>()))
            .Where(x => x.Requirement is not null)
            .ToList();
        guarded.Count.ShouldBeGreaterThanOrEqualTo(3);
        using var client = await _app.SignedInAsync(email);

        foreach (var (endpoint, requirement) in guarded)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "\\{(\\w+)[^}]*\\}",
                m => m.Groups[1].Value == "id" ? AppFactory.Northwind.ToString(System.Globalization.CultureInfo.InvariantCulture) : "999999");
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (method != "GET")
            {
                // An empty body: allowed callers get a validation answer, never a change.
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var what = $"{method} {url} as {role} (needs {requirement!.Permission})";
            if (Permissions.Allows(role, requirement.Permission))
            {
                response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, what);
                ((int)response.StatusCode).ShouldBeLessThan(500, what);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what);
            }
        }
    }
}

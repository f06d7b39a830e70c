using System.Net;
using System.Text.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Catalogue;

/// <summary>The activity catalogue and roles over the API, through the whole app: read, add, change with the version read, 409 when stale.</summary>
public sealed class CatalogueApiTests
{
    private static readonly string Activities = $"/api/v1/organizations/{AppFactory.Northwind}/activities";
    private static readonly string Roles = $"/api/v1/organizations/{AppFactory.Northwind}/roles";

    private static JsonElement Named(JsonElement list, string property, string name) =>
        list.GetProperty(property).EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_adds_renames_and_moves_an_activity_from_a_week_on_and_a_stale_version_gets_409(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var admin = await app.SignedInAsync("admin@demo.salesspec");

        var (status, list) = await Api.SendAsync(admin, HttpMethod.Get, Activities);
        status.ShouldBe(HttpStatusCode.OK);
        (list.GetProperty("from").GetString(), list.GetProperty("to").GetString()).ShouldBe(("2026-W36", "2026-W47"));
        Named(list, "activities", "Other – PostSales").GetProperty("displayName").GetString().ShouldBe("Other – Post-sales");
        var demos = Named(list, "activities", "Demos");
        demos.GetProperty("function").GetString().ShouldBe("Closing");

        (status, var added) = await Api.SendAsync(admin, HttpMethod.Post, Activities, new { name = "Partner calls", function = "OutboundProspecting" });
        status.ShouldBe(HttpStatusCode.Created);
        (added.GetProperty("sortOrder").GetInt32(), added.GetProperty("version").GetInt32()).ShouldBe((23, 1));
        (status, var duplicate) = await Api.SendAsync(admin, HttpMethod.Post, Activities, new { name = "partner calls", function = "Closing" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        duplicate.GetProperty("errors").GetProperty("request")[0].GetString().ShouldBe("There is already an activity named 'partner calls'.");

        var id = demos.GetProperty("id").GetInt32();
        var version = demos.GetProperty("version").GetInt32();
        (status, var renamed) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Activities}/{id}", new { version, name = "Product demos", sortOrder = 0 });
        status.ShouldBe(HttpStatusCode.OK);
        (renamed.GetProperty("name").GetString(), renamed.GetProperty("sortOrder").GetInt32(), renamed.GetProperty("version").GetInt32())
            .ShouldBe(("Product demos", 0, version + 1));

        (status, var conflict) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Activities}/{id}", new { version, name = "Mine" });
        status.ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString()!.ShouldStartWith("Someone else changed Product demos");
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Activities}/{id}", new { name = "Mine" });
        status.ShouldBe(HttpStatusCode.BadRequest);

        (status, var successor) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Activities}/{id}",
            new { version = version + 1, function = "PostSales", fromWeek = "2026-W47" });
        status.ShouldBe(HttpStatusCode.OK);
        (successor.GetProperty("name").GetString(), successor.GetProperty("function").GetString()).ShouldBe(("Product demos (from 2026-W47)", "PostSales"));
        (_, list) = await Api.SendAsync(admin, HttpMethod.Get, Activities);
        Named(list, "activities", "Product demos").GetProperty("archived").GetBoolean().ShouldBeTrue();
        Named(list, "activities", "Product demos (from 2026-W47)").GetProperty("hours").GetDecimal().ShouldBeGreaterThan(0m);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_adds_a_role_and_patches_its_cost_with_the_version_read(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var admin = await app.SignedInAsync("admin@demo.salesspec");

        var (status, roles) = await Api.SendAsync(admin, HttpMethod.Get, Roles);
        status.ShouldBe(HttpStatusCode.OK);
        roles.GetProperty("currency").GetString().ShouldBe("USD");
        var executive = Named(roles, "roles", "Account Executive");
        (executive.GetProperty("annualLoadedCost").GetDecimal(), executive.GetProperty("version").GetString()).ShouldBe((150_000m, "150000:5"));

        (status, var added) = await Api.SendAsync(admin, HttpMethod.Post, Roles,
            new { name = "Solutions Engineer", coreWorkload = "Closing", annualLoadedCost = 140000, rampMonths = 4 });
        status.ShouldBe(HttpStatusCode.Created);
        added.GetProperty("custom").GetBoolean().ShouldBeTrue();
        (status, _) = await Api.SendAsync(admin, HttpMethod.Post, Roles, new { name = "Demand Gen", coreWorkload = "DemandGeneration" });
        status.ShouldBe(HttpStatusCode.BadRequest);

        var id = executive.GetProperty("id").GetInt32();
        (status, var patched) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Roles}/{id}", new { version = "150000:5", rampMonths = 6 });
        status.ShouldBe(HttpStatusCode.OK);
        patched.GetProperty("version").GetString().ShouldBe("150000:6");
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Roles}/{id}", new { version = "150000:5", annualLoadedCost = 1 });
        status.ShouldBe(HttpStatusCode.Conflict);
        (_, roles) = await Api.SendAsync(admin, HttpMethod.Get, Roles);
        Named(roles, "roles", "Account Executive").GetProperty("annualLoadedCost").GetDecimal().ShouldBe(150_000m);
    }

    [Fact]
    public async Task Leaders_read_the_catalogue_and_roles_but_change_neither_and_reps_read_neither()
    {
        await using var app = new AppFactory();
        using var leader = await app.SignedInAsync("leader@demo.salesspec");
        using var rep = await app.SignedInAsync("rep@demo.salesspec");

        (await Api.SendAsync(leader, HttpMethod.Get, Activities)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.SendAsync(leader, HttpMethod.Get, Roles)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.SendAsync(leader, HttpMethod.Post, Activities, new { name = "Mine", function = "Closing" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(leader, HttpMethod.Patch, $"{Activities}/1", new { version = 1, name = "Mine" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(leader, HttpMethod.Post, Roles, new { name = "Mine", coreWorkload = "Closing" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(leader, HttpMethod.Patch, $"{Roles}/1", new { version = "-:3", rampMonths = 1 })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(rep, HttpMethod.Get, Activities)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(rep, HttpMethod.Get, Roles)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}

using System.Net;
using System.Text.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.People;

/// <summary>Teams and people over the API, through the whole app: 201, 200, 409 for a stale version, 403 for other roles, 404 elsewhere.</summary>
public sealed class PeopleApiTests
{
    private static readonly string Teams = $"/api/v1/organizations/{AppFactory.Northwind}/teams";
    private static readonly string Reps = $"/api/v1/organizations/{AppFactory.Northwind}/reps";
    private static readonly int[] OneRep = [1];

    private static JsonElement Team(JsonElement list, string name) => list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_creates_renames_and_merges_teams_and_a_stale_version_gets_409(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var admin = await app.SignedInAsync("admin@demo.salesspec");

        var (status, created) = await Api.SendAsync(admin, HttpMethod.Post, Teams, new { name = "Partners" });
        status.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        (created.GetProperty("name").GetString(), created.GetProperty("version").GetInt32(), created.GetProperty("archived").GetBoolean()).ShouldBe(("Partners", 1, false));

        (status, var duplicate) = await Api.SendAsync(admin, HttpMethod.Post, Teams, new { name = "partners" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        duplicate.GetProperty("errors").GetProperty("request")[0].GetString().ShouldBe("There is already a team named 'Partners'. Choose another name.");

        (status, var renamed) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Teams}/{id}", new { version = 1, name = "Channel" });
        status.ShouldBe(HttpStatusCode.OK);
        (renamed.GetProperty("name").GetString(), renamed.GetProperty("version").GetInt32()).ShouldBe(("Channel", 2));
        (status, var conflict) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Teams}/{id}", new { version = 1, name = "Alliances" });
        status.ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString()!.ShouldStartWith("Someone else changed the team Channel");
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Teams}/{id}", new { name = "No version" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Teams}/999999", new { version = 1, name = "Nowhere" });
        status.ShouldBe(HttpStatusCode.NotFound);

        (status, var list) = await Api.SendAsync(admin, HttpMethod.Get, Teams);
        status.ShouldBe(HttpStatusCode.OK);
        var commercial = Team(list, "Commercial");
        var mia = commercial.GetProperty("managers")[0];
        mia.GetProperty("name").GetString().ShouldBe("Mia Manager");
        (status, var managed) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Teams}/{id}",
            new { version = 2, managers = new[] { mia.GetProperty("membershipId").GetInt32() } });
        status.ShouldBe(HttpStatusCode.OK);
        managed.GetProperty("managers")[0].GetProperty("name").GetString().ShouldBe("Mia Manager");

        (status, var merged) = await Api.SendAsync(admin, HttpMethod.Post, $"{Teams}/{commercial.GetProperty("id").GetInt32()}/merge",
            new { into = id, version = commercial.GetProperty("version").GetInt32() });
        status.ShouldBe(HttpStatusCode.OK);
        (merged.GetProperty("name").GetString(), merged.GetProperty("people").GetInt32()).ShouldBe(("Channel", 6));
        (status, list) = await Api.SendAsync(admin, HttpMethod.Get, Teams);
        Team(list, "Commercial").GetProperty("archived").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_pages_adds_changes_and_moves_reps_and_a_stale_version_gets_409(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var admin = await app.SignedInAsync("admin@demo.salesspec");

        var (status, page) = await Api.SendAsync(admin, HttpMethod.Get, $"{Reps}?search=commercial&page=2&pageSize=4");
        status.ShouldBe(HttpStatusCode.OK);
        (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("items").GetArrayLength())
            .ShouldBe((6, 2, 4, 2));
        var kara = (await Api.SendAsync(admin, HttpMethod.Get, $"{Reps}?search=kara")).Body.GetProperty("items")[0];
        var karaId = kara.GetProperty("id").GetInt32();

        (status, var added) = await Api.SendAsync(admin, HttpMethod.Post, Reps,
            new { name = "Nia Brown", email = "nia.brown@northwind.test", teamId = kara.GetProperty("teamId").GetInt32(), roleId = kara.GetProperty("roleId").GetInt32(), fte = 0.5 });
        status.ShouldBe(HttpStatusCode.Created);
        (added.GetProperty("team").GetString(), added.GetProperty("fte").GetDecimal(), added.GetProperty("active").GetBoolean()).ShouldBe(("Mid-Market", 0.5m, true));
        (status, var invalid) = await Api.SendAsync(admin, HttpMethod.Post, Reps,
            new { name = "Nia Again", email = "NIA.BROWN@northwind.test", roleId = kara.GetProperty("roleId").GetInt32(), fte = 1.51 });
        status.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("request")[0].GetString().ShouldBe("FTE is more than 0 and at most 1.5, such as 1 for full time or 0.5 for half time.");

        (status, var changed) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Reps}/{karaId}", new { version = 1, fte = 0.8, active = false });
        status.ShouldBe(HttpStatusCode.OK);
        (changed.GetProperty("name").GetString(), changed.GetProperty("fte").GetDecimal(), changed.GetProperty("active").GetBoolean(), changed.GetProperty("version").GetInt32())
            .ShouldBe(("Kara Lopez", 0.8m, false, 2));
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Reps}/{karaId}", new { version = 1, name = "Kara Stale" });
        status.ShouldBe(HttpStatusCode.Conflict);
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Reps}/{karaId}", new { name = "No version" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        (status, _) = await Api.SendAsync(admin, HttpMethod.Patch, $"{Reps}/999999", new { version = 1, name = "Nobody" });
        status.ShouldBe(HttpStatusCode.NotFound);

        var teams = (await Api.SendAsync(admin, HttpMethod.Get, $"/api/v1/organizations/{AppFactory.Northwind}/teams")).Body;
        var enterprise = Team(teams, "Enterprise").GetProperty("id").GetInt32();
        (status, var moved) = await Api.SendAsync(admin, HttpMethod.Post, $"{Reps}/move",
            new { repIds = new[] { karaId, added.GetProperty("id").GetInt32() }, teamId = enterprise, versions = new Dictionary<string, int> { [karaId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 2 } });
        status.ShouldBe(HttpStatusCode.OK);
        moved.GetProperty("moved").GetInt32().ShouldBe(2);
        (status, _) = await Api.SendAsync(admin, HttpMethod.Post, $"{Reps}/move",
            new { repIds = new[] { karaId }, teamId = enterprise, versions = new Dictionary<string, int> { [karaId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 2 } });
        status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("leader@demo.salesspec")]
    [InlineData("consultant@demo.salesspec")]
    [InlineData("manager@demo.salesspec")]
    public async Task Other_roles_get_403_and_nothing_changes(string email)
    {
        await using var app = new AppFactory();
        using var client = await app.SignedInAsync(email);

        (await Api.SendAsync(client, HttpMethod.Post, Teams, new { name = "Mine" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(client, HttpMethod.Patch, $"{Teams}/1", new { version = 1, name = "Mine" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(client, HttpMethod.Post, $"{Teams}/1/merge", new { into = 2, version = 1 })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(client, HttpMethod.Post, Reps, new { name = "New One", email = "new.one@northwind.test", roleId = 1 })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(client, HttpMethod.Patch, $"{Reps}/1", new { version = 1, name = "Mine" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.SendAsync(client, HttpMethod.Post, $"{Reps}/move", new { repIds = OneRep, teamId = 1 })).Status.ShouldBe(HttpStatusCode.Forbidden);
        // Reading is for those who see the whole organisation; a Manager sees only their own team.
        var read = (await Api.SendAsync(client, HttpMethod.Get, Reps)).Status;
        read.ShouldBe(email.StartsWith("manager", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : HttpStatusCode.OK);

        using var admin = await app.SignedInAsync("admin@demo.salesspec");
        (await Api.SendAsync(admin, HttpMethod.Get, Teams)).Body.EnumerateArray().Select(t => t.GetProperty("version").GetInt32()).ShouldAllBe(v => v == 1);
        (await Api.SendAsync(admin, HttpMethod.Get, $"/api/v1/organizations/{AppFactory.Contoso}/teams")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Api.SendAsync(admin, HttpMethod.Patch, $"/api/v1/organizations/{AppFactory.Contoso}/reps/1", new { version = 1, name = "Mine" })).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

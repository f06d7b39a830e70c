using System.Net;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Organizations;

/// <summary>A consultant's script brings a client in over the API: create, read, change with the version, archive, delete.</summary>
public sealed class OrganizationApiTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_client_organisation_is_created_changed_with_its_version_archived_and_deleted(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var consultant = await app.SignedInAsync("consultant@demo.salesspec");

        var (status, created) = await Api.SendAsync(consultant, HttpMethod.Post, "/api/v1/organizations", new
        {
            name = "Fabrikam Software",
            template = "ThreeWorkloads",
            threshold = 0.25m,
            standardWeeklyHours = 38,
            timeZone = "Europe/Berlin",
            currency = "EUR",
        });
        status.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var url = $"/api/v1/organizations/{id}";

        var (_, read) = await Api.SendAsync(consultant, HttpMethod.Get, url);
        read.GetProperty("template").GetString().ShouldBe("ThreeWorkloads");
        read.GetProperty("threshold").GetDecimal().ShouldBe(0.25m);
        read.GetProperty("timeZone").GetString().ShouldBe("Europe/Berlin");
        var version = read.GetProperty("version").GetInt32();
        var (_, mine) = await Api.SendAsync(consultant, HttpMethod.Get, "/api/v1/organizations");
        mine.EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == id).GetProperty("role").GetString().ShouldBe("Admin");

        var (changed, after) = await Api.SendAsync(consultant, HttpMethod.Patch, url, new { version, threshold = 0.3m, inboundLeadsPerMonth = 400, showsReferenceFigures = false });
        changed.ShouldBe(HttpStatusCode.OK);
        read.GetProperty("showsReferenceFigures").GetBoolean().ShouldBeTrue("shown unless hidden");
        after.GetProperty("showsReferenceFigures").GetBoolean().ShouldBeFalse();
        after.GetProperty("threshold").GetDecimal().ShouldBe(0.3m);
        after.GetProperty("standardWeeklyHours").GetDecimal().ShouldBe(38m, "fields not sent keep their value");
        after.GetProperty("version").GetInt32().ShouldBe(version + 1);

        var (stale, problem) = await Api.SendAsync(consultant, HttpMethod.Patch, url, new { version, name = "Fabrikam" });
        stale.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().ShouldBe("Edit conflict");
        var (bad, invalid) = await Api.SendAsync(consultant, HttpMethod.Patch, url, new { version = version + 1, currency = "EURO" });
        bad.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetRawText().ShouldContain("is not an ISO 4217 currency code");

        (await Api.SendAsync(consultant, HttpMethod.Patch, url, new { version = version + 1, archived = true })).Status.ShouldBe(HttpStatusCode.OK);
        var (archivedChange, archivedProblem) = await Api.SendAsync(consultant, HttpMethod.Patch, url, new { version = version + 2, name = "Renamed" });
        archivedChange.ShouldBe(HttpStatusCode.Forbidden);
        archivedProblem.GetProperty("detail").GetString().ShouldBe("Fabrikam Software is archived: restore it before changing anything.");

        using var leader = await app.SignedInAsync("leader@demo.salesspec");
        (await Api.SendAsync(leader, HttpMethod.Delete, $"{url}?confirm=Fabrikam%20Software")).Status.ShouldBe(HttpStatusCode.NotFound, "not a member");
        (await Api.SendAsync(consultant, HttpMethod.Delete, $"{url}?confirm=Fabrikam")).Status.ShouldBe(HttpStatusCode.BadRequest);
        var (deleted, summary) = await Api.SendAsync(consultant, HttpMethod.Delete, $"{url}?confirm=Fabrikam%20Software");
        deleted.ShouldBe(HttpStatusCode.OK);
        summary.GetProperty("name").GetString().ShouldBe("Fabrikam Software");
        (await Api.SendAsync(consultant, HttpMethod.Get, url)).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

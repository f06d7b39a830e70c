using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>GET/PUT /api/v1/me/weeks/{week} and submit, through the whole app on both databases.</summary>
public sealed class WeekApiTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rep_reads_saves_and_submits_their_week_and_a_stale_or_locked_save_gets_409(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        var rep = await app.SignedInAsync("rep@demo.salesspec");

        var (status, week) = await Api.SendAsync(rep, HttpMethod.Get, "/api/v1/me/weeks/2026-W48");
        status.ShouldBe(HttpStatusCode.OK);
        (week.GetProperty("status").GetString(), week.GetProperty("version").ValueKind, week.GetProperty("standardHours").GetDecimal())
            .ShouldBe(("Missing", JsonValueKind.Null, 40m));

        var body = new { version = (int?)null, mode = "hours", entries = new[] { new { activity = "Demos", value = 12.5m }, new { activity = "other - closing", value = 2m } } };
        (status, week) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48", body);
        status.ShouldBe(HttpStatusCode.OK);
        (week.GetProperty("status").GetString(), week.GetProperty("version").GetInt32(), week.GetProperty("totalHours").GetDecimal())
            .ShouldBe(("Draft", 1, 14.5m));
        week.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("activity").GetString()).ShouldBe(["Demos", "Other – Closing"]);

        (status, var conflict) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48", body);
        (status, conflict.GetProperty("title").GetString()).ShouldBe((HttpStatusCode.Conflict, "Edit conflict"));

        (status, week) = await Api.SendAsync(rep, HttpMethod.Post, "/api/v1/me/weeks/2026-W48/submit", new { version = 1 });
        (status, week.GetProperty("status").GetString()).ShouldBe((HttpStatusCode.OK, "Submitted"));

        using (var scope = app.Services.CreateScope())
        {
            var access = scope.ServiceProvider.GetRequiredService<OrganizationAccess>();
            var managerClient = await app.SignedInAsync("manager@demo.salesspec");
            var (_, orgs) = await Api.SendAsync(managerClient, HttpMethod.Get, "/api/v1/organizations");
            orgs.GetArrayLength().ShouldBe(1);
            var weeks = scope.ServiceProvider.GetRequiredService<WeekService>();
            var managerPrincipal = await PrincipalAsync(app, "manager@demo.salesspec");
            var manager = (await access.MembershipsAsync(managerPrincipal)).Single();
            var repId = (await access.MembershipsAsync(await PrincipalAsync(app, "rep@demo.salesspec"))).Single().RepId!.Value;
            (await weeks.ApproveAsync(manager, repId, IsoWeek.Of(2026, 48), 2)).Succeeded.ShouldBeTrue();
        }

        (status, var locked) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48", body with { version = (int?)3 });
        (status, locked.GetProperty("title").GetString()).ShouldBe((HttpStatusCode.Conflict, "Week locked"));
        locked.GetProperty("detail").GetString()!.ShouldStartWith("Week 2026-W48 is approved (by Mia Manager) and locked");
        (_, week) = await Api.SendAsync(rep, HttpMethod.Get, "/api/v1/me/weeks/2026-W48");
        (week.GetProperty("status").GetString(), week.GetProperty("locked").GetBoolean(), week.GetProperty("totalHours").GetDecimal())
            .ShouldBe(("Approved", true, 14.5m));
    }

    [Fact]
    public async Task Hours_follow_the_week_pages_rules_two_decimals_typed_four_kept_when_sent_back_unchanged()
    {
        await using var app = new AppFactory();
        var rep = await app.SignedInAsync("rep@demo.salesspec");
        async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(object value, int? version = null, string mode = "hours") =>
            await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
                new { version, mode, entries = new object[] { new { activity = "Demos", value }, new { activity = "Cold calls", value = mode == "percent" ? 66.67m : 4m } } });

        // As on the page: more than two decimals typed are refused, not rounded; a negative is refused; "1e3" is a
        // thousand hours, refused by the week's limit.
        foreach (var (value, field, message) in new (object Value, string Field, string Message)[]
        {
            (1.123m, "entries[0].value", "Demos: at most 2 decimals: 7.55, not 1.123."),
            (-3m, "entries[0].value", "Demos: cannot be negative."),
            (1e3m, "entries[0].value", "Demos: a week has at most 100 hours."),
        })
        {
            var (status, problem) = await PutAsync(value);
            status.ShouldBe(HttpStatusCode.BadRequest, $"{value}");
            problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
        }
        // JSON has one decimal mark: "7,5" is not a number there.
        (await PutAsync("7,5")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.SendAsync(rep, HttpMethod.Get, "/api/v1/me/weeks/2026-W48")).Body.GetProperty("status").GetString().ShouldBe("Missing");

        // A week entered in percent keeps four decimals of hours; sent back unchanged in hours, it passes.
        var (saved, week) = await PutAsync(33.33m, mode: "percent");
        saved.ShouldBe(HttpStatusCode.OK);
        var demos = week.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("activity").GetString() == "Demos").GetProperty("hours").GetDecimal();
        decimal.Round(demos, 2).ShouldNotBe(demos, "the stored hours have more than two decimals");
        var version = week.GetProperty("version").GetInt32();
        (saved, week) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version, entries = week.GetProperty("entries").EnumerateArray().Select(e => new { activity = e.GetProperty("activity").GetString(), value = e.GetProperty("hours").GetDecimal() }).ToArray() });
        saved.ShouldBe(HttpStatusCode.OK);
        // Typed anew, the same precision is refused.
        (saved, var refused) = await PutAsync(demos + 0.001m, week.GetProperty("version").GetInt32());
        saved.ShouldBe(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("entries[0].value")[0].GetString()!.ShouldStartWith("Demos: at most 2 decimals");
    }

    [Fact]
    public async Task Bad_weeks_and_entries_get_problem_details_naming_the_field_and_nothing_is_saved()
    {
        await using var app = new AppFactory();
        var rep = await app.SignedInAsync("rep@demo.salesspec");

        var (status, problem) = await Api.SendAsync(rep, HttpMethod.Get, "/api/v1/me/weeks/2026-W99");
        (status, problem.GetProperty("errors").GetProperty("week")[0].GetString()).ShouldBe(
            (HttpStatusCode.BadRequest, "'2026-W99' is not an ISO week: use the form 2026-W47 (or a date in the week, 2026-11-16)."));

        (status, problem) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version = (int?)null, entries = new object[] { new { activity = "Demos", value = -3m }, new { activity = "Golf", value = 4m } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("entries[1].activity")[0].GetString()!.ShouldStartWith("There is no activity named 'Golf'.");

        (status, problem) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version = (int?)null, entries = new object[] { new { activity = "Demos", value = -3m }, new { activity = "Cold calls", value = 104m } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("entries[0].value")[0].GetString().ShouldBe("Demos: cannot be negative.");

        (status, problem) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version = (int?)null, mode = "percent", entries = new object[] { new { activity = "Demos", value = 60m }, new { activity = "Cold calls", value = 30m } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("entries")[0].GetString().ShouldBe("The percentages add up to 90 %; they must add up to 100 %.");

        // Numbers too large to add up are refused line by line, before any total is taken.
        (status, problem) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version = (int?)null, entries = new object[] { new { activity = "Demos", value = decimal.MaxValue }, new { activity = "Cold calls", value = decimal.MaxValue } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("entries[1].value")[0].GetString().ShouldBe("Cold calls: a week has at most 100 hours.");
        (status, _) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-W48",
            new { version = (int?)null, mode = "percent", entries = new object[] { new { activity = "Demos", value = decimal.MaxValue }, new { activity = "Cold calls", value = decimal.MaxValue } } });
        status.ShouldBe(HttpStatusCode.BadRequest);

        var (_, week) = await Api.SendAsync(rep, HttpMethod.Get, "/api/v1/me/weeks/2026-W48");
        week.GetProperty("status").GetString().ShouldBe("Missing");
    }

    [Fact]
    public async Task Percent_mode_saves_hours_of_the_standard_week_and_returns_warnings()
    {
        await using var app = new AppFactory();
        var rep = await app.SignedInAsync("rep@demo.salesspec");

        var (status, week) = await Api.SendAsync(rep, HttpMethod.Put, "/api/v1/me/weeks/2026-11-24",
            new { version = (int?)null, mode = "Percent", entries = new object[] { new { activity = "Demos", value = 75m }, new { activity = "Cold calls", value = 25m } } });

        status.ShouldBe(HttpStatusCode.OK);
        week.GetProperty("week").GetString().ShouldBe("2026-W48");
        week.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("hours").GetDecimal()).ShouldBe([10m, 30m]);
        week.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Someone_who_is_not_a_rep_has_no_week_of_their_own()
    {
        await using var app = new AppFactory();
        var leader = await app.SignedInAsync("leader@demo.salesspec");

        var (status, problem) = await Api.SendAsync(leader, HttpMethod.Get, "/api/v1/me/weeks/2026-W48");

        (status, problem.GetProperty("detail").GetString()).ShouldBe((HttpStatusCode.NotFound, "You are not a rep in any organisation: only reps have weeks of their own."));
        (await Api.SendAsync(app.Client(), HttpMethod.Get, "/api/v1/me/weeks/2026-W48")).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SalesSpec.Web.Features.Accounts.Services.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user!.Id)], "Test"));
    }
}

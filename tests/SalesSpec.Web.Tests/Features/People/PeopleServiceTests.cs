using Microsoft.EntityFrameworkCore;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.People.Services;
using SalesSpec.Web.Features.TeamHistory;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.People;

/// <summary>People on both databases: paged and searched, added, edited with the version read, moved in bulk, by Admins only.</summary>
public sealed class PeopleServiceTests
{
    public static PeopleService Service(TestDatabase database) =>
        new(database.Access, new RepEditValidator(), new TeamMoveCheckValidator(), new FixedClock(FixedClock.Monday23November2026));

    private static Task<MemberAccess> AdminAsync(TestDatabase database) => database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);

    private static async Task<RepDocument> RepAsync(TestDatabase database, MemberAccess admin, string name) =>
        (await Service(database).PageAsync(admin, new RepQuery(name))).Items.Single(r => r.Name == name);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task People_come_a_page_at_a_time_searched_by_name_email_team_or_role_and_sorted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);

        var first = await service.PageAsync(admin, new RepQuery(PageSize: 8));
        (first.Total, first.Items.Count, first.Items[0].Name).ShouldBe((20, 8, "Ana Ruiz"));
        var last = await service.PageAsync(admin, new RepQuery(Page: 3, PageSize: 8));
        last.Items.Select(r => r.Name).ShouldBe(["Pablo Quinn", "Rosa Silva", "Sam Tanaka", "Tara Usman"]);

        (await service.PageAsync(admin, new RepQuery("COMMERCIAL"))).Total.ShouldBe(6);
        (await service.PageAsync(admin, new RepQuery("account executive"))).Items.Select(r => r.Name).ShouldBe(["Ana Ruiz", "Ben Carter", "Grace Hall"]);
        (await service.PageAsync(admin, new RepQuery("Kara.Lopez@"))).Items.ShouldHaveSingleItem().Team.ShouldBe("Mid-Market");
        (await service.PageAsync(admin, new RepQuery("nobody by that name"))).Total.ShouldBe(0);

        (await service.PageAsync(admin, new RepQuery(PageSize: 2, SortBy: "name", Descending: true))).Items.Select(r => r.Name).ShouldBe(["Tara Usman", "Sam Tanaka"]);
        (await service.PageAsync(admin, new RepQuery(PageSize: 1, SortBy: "team"))).Items[0].Team.ShouldBe("Commercial");
        (await service.PageAsync(admin, new RepQuery(PageSize: 1, SortBy: "fte", Descending: true))).Items[0].Fte.ShouldBe(1m);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_edit_saves_within_the_fte_bounds_and_a_stale_version_is_refused_without_writing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var kara = await RepAsync(database, admin, "Kara Lopez");
        var options = await service.OptionsAsync(admin);
        var commercial = options.Teams.Single(t => t.Name == "Commercial").Id;
        var marketResponse = options.Roles.Single(r => r.Name == "Market Response Rep").Id;

        foreach (var fte in new[] { 0m, 1.51m, -1m })
        {
            var refused = await service.UpdateAsync(admin, kara.Id, new RepEdit { Name = kara.Name, Email = kara.Email, RoleId = kara.RoleId, TeamId = kara.TeamId, Fte = fte, Version = kara.Version });
            refused.Kind.ShouldBe(OutcomeKind.Invalid, fte.ToString(System.Globalization.CultureInfo.InvariantCulture));
            refused.Message.ShouldBe(RepEditValidator.FteMessage);
        }

        var edit = new RepEdit { Name = "Kara Lopez-Smith", Email = " Kara.Smith@Northwind.test ", TeamId = commercial, RoleId = marketResponse, Fte = 1.5m, Active = true, Version = kara.Version };
        var saved = await service.UpdateAsync(admin, kara.Id, edit);

        saved.Kind.ShouldBe(OutcomeKind.Done, saved.Message);
        saved.Value.ShouldBe(new RepDocument(kara.Id, "Kara Lopez-Smith", "kara.smith@northwind.test", commercial, "Commercial", marketResponse, "Market Response Rep", 1.5m, true, kara.Version + 1));

        var stale = await service.UpdateAsync(admin, kara.Id, new RepEdit { Name = "Someone Else", Email = kara.Email, RoleId = kara.RoleId, Fte = 0.5m, Version = kara.Version });
        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        stale.Message.ShouldStartWith("Someone else changed Kara Lopez-Smith meanwhile");
        (await service.GetAsync(admin, kara.Id)).ShouldBe(saved.Value);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Emails_are_unique_in_the_organisation_and_people_are_added_and_deactivated_with_their_history(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var ana = await RepAsync(database, admin, "Ana Ruiz");
        var options = await service.OptionsAsync(admin);

        var edit = RepEdit.From(ana);
        edit.Email = "BEN.carter@northwind.test";
        var taken = await service.UpdateAsync(admin, ana.Id, edit);
        taken.Kind.ShouldBe(OutcomeKind.Invalid);
        taken.Message.ShouldBe("ben.carter@northwind.test is already the email of Ben Carter; each person has their own.");

        var added = await service.CreateAsync(admin, new RepEdit { Name = "Nia Brown", Email = "nia.brown@northwind.test", TeamId = ana.TeamId, RoleId = options.Roles.Single(r => r.Name == "Account Executive").Id, Fte = 0.8m });
        added.Kind.ShouldBe(OutcomeKind.Done, added.Message);
        (added.Value!.Team, added.Value.Role, added.Value.Fte, added.Value.Active, added.Value.Version).ShouldBe(("Enterprise", "Account Executive", 0.8m, true, 1));
        (await service.CreateAsync(admin, new RepEdit { Name = "Nia Again", Email = "Nia.Brown@northwind.test", RoleId = ana.RoleId })).Message
            .ShouldBe("nia.brown@northwind.test is already the email of Nia Brown; each person has their own.");
        (await service.CreateAsync(admin, new RepEdit { Name = "No Role", Email = "no.role@northwind.test" })).Message.ShouldBe("Choose a role.");

        var off = RepEdit.From(ana);
        off.Active = false;
        var deactivated = await service.UpdateAsync(admin, ana.Id, off);
        deactivated.Value!.Active.ShouldBeFalse();
        (await service.PageAsync(admin, new RepQuery())).Total.ShouldBe(21);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.TimeLogs.CountAsync(t => t.RepId == ana.Id)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bulk_move_moves_everyone_chosen_or_nobody(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var options = await service.OptionsAsync(admin);
        var midMarket = options.Teams.Single(t => t.Name == "Mid-Market").Id;
        var marketResponse = options.Roles.Single(r => r.Name == "Market Response Rep").Id;
        var commercial = (await service.PageAsync(admin, new RepQuery("Commercial"))).Items.Take(3).ToList();
        var versions = commercial.ToDictionary(r => r.Id, r => r.Version);

        var staleVersions = versions.ToDictionary(v => v.Key, v => v.Value);
        staleVersions[commercial[1].Id] = 0;
        var stale = await service.MoveAsync(admin, new RepMove(commercial.Select(r => r.Id).ToList(), midMarket, null, staleVersions));
        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        stale.Message.ShouldBe($"Someone else changed {commercial[1].Name} meanwhile, so nobody was moved. Reload and try again.");
        (await service.PageAsync(admin, new RepQuery("Commercial"))).Total.ShouldBe(6);

        (await service.MoveAsync(admin, new RepMove([]))).Kind.ShouldBe(OutcomeKind.Invalid);
        (await service.MoveAsync(admin, new RepMove([commercial[0].Id]))).Message.ShouldBe("Choose the team or the role to move them to.");
        (await service.MoveAsync(admin, new RepMove([commercial[0].Id, 999_999], midMarket))).Kind.ShouldBe(OutcomeKind.NotFound);

        var moved = await service.MoveAsync(admin, new RepMove(commercial.Select(r => r.Id).ToList(), midMarket, marketResponse, versions));

        moved.Kind.ShouldBe(OutcomeKind.Done, moved.Message);
        moved.Value.ShouldBe(3);
        foreach (var rep in commercial)
        {
            var now = (await service.GetAsync(admin, rep.Id)).ShouldNotBeNull();
            (now.Team, now.Role, now.Version).ShouldBe(("Mid-Market", "Market Response Rep", rep.Version + 1));
        }
        (await service.PageAsync(admin, new RepQuery("Commercial"))).Total.ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leaders_consultants_and_managers_may_not_change_people(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var service = Service(database);
        var admin = await AdminAsync(database);
        var ana = await RepAsync(database, admin, "Ana Ruiz");

        foreach (var email in new[] { "leader@demo.salesspec", "consultant@demo.salesspec", "manager@demo.salesspec" })
        {
            var member = await database.MemberOfAsync(email, DemoOrganization.Name);
            var edit = RepEdit.From(ana);
            edit.Name = "Changed";
            (await service.UpdateAsync(member, ana.Id, edit)).Kind.ShouldBe(OutcomeKind.Forbidden, email);
            (await service.CreateAsync(member, new RepEdit { Name = "New One", Email = "new.one@northwind.test", RoleId = ana.RoleId })).Kind.ShouldBe(OutcomeKind.Forbidden, email);
            (await service.MoveAsync(member, new RepMove([ana.Id], RoleId: ana.RoleId))).Kind.ShouldBe(OutcomeKind.Forbidden, email);
        }
        (await service.GetAsync(admin, ana.Id)).ShouldBe(ana);
        (await service.PageAsync(await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name), new RepQuery())).Total.ShouldBe(0);
    }
}

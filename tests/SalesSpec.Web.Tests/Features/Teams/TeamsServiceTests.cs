using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.TeamHistory;
using SalesSpec.Web.Features.Teams;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Teams;

/// <summary>Teams on both databases: created, renamed with unique names, archived, merged and given managers, by Admins only.</summary>
public sealed class TeamsServiceTests
{
    public static TeamsService Service(TestDatabase database) =>
        new(database.Access, new TeamFormValidator(), new TeamMoveCheckValidator(), new FixedClock(FixedClock.Monday23November2026));

    private static async Task<MemberAccess> AdminAsync(TestDatabase database) =>
        await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);

    private static async Task<TeamDocument> TeamAsync(TestDatabase database, MemberAccess admin, string name) =>
        (await Service(database).ListAsync(admin)).Single(t => t.Name == name);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_creates_and_renames_teams_and_names_stay_unique_ignoring_case(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);

        var created = await service.CreateAsync(admin, new TeamForm { Name = "  Partners " });
        created.Kind.ShouldBe(OutcomeKind.Done, created.Message);
        (created.Value!.Name, created.Value.People, created.Value.Managers.Count, created.Value.Archived, created.Value.Version).ShouldBe(("Partners", 0, 0, false, 1));

        var duplicate = await service.CreateAsync(admin, new TeamForm { Name = "commercial" });
        duplicate.Kind.ShouldBe(OutcomeKind.Invalid);
        duplicate.Message.ShouldBe("There is already a team named 'Commercial'. Choose another name.");
        (await service.CreateAsync(admin, new TeamForm { Name = " " })).Message.ShouldBe("Name the team.");

        var clash = await service.ChangeAsync(admin, created.Value.Id, new TeamChange(1, Name: "ENTERPRISE"));
        clash.Message.ShouldBe("There is already a team named 'Enterprise'. Choose another name.");

        var renamed = await service.ChangeAsync(admin, created.Value.Id, new TeamChange(1, Name: "Channel"));
        renamed.Kind.ShouldBe(OutcomeKind.Done, renamed.Message);
        (renamed.Value!.Name, renamed.Value.Version).ShouldBe(("Channel", 2));

        // Someone who still holds version 1 is refused, and nothing of theirs is written.
        var stale = await service.ChangeAsync(admin, created.Value.Id, new TeamChange(1, Name: "Alliances"));
        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        stale.Message.ShouldStartWith("Someone else changed the team Channel meanwhile (version 2, yours was 1)");
        (await TeamAsync(database, admin, "Channel")).Version.ShouldBe(2);
        (await service.ListAsync(admin)).Select(t => t.Name).ShouldBe(["Channel", "Commercial", "Enterprise", "Mid-Market"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Archived_teams_keep_their_people_take_no_new_ones_and_can_be_restored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var enterprise = await TeamAsync(database, admin, "Enterprise");

        var archived = await service.ChangeAsync(admin, enterprise.Id, new TeamChange(enterprise.Version, Archived: true));

        archived.Kind.ShouldBe(OutcomeKind.Done, archived.Message);
        (archived.Value!.Archived, archived.Value.People, archived.Value.Version).ShouldBe((true, enterprise.People, enterprise.Version + 1));
        var people = People.PeopleServiceTests.Service(database);
        var options = await people.OptionsAsync(admin);
        options.TeamsFor(null).Select(t => t.Name).ShouldBe(["Commercial", "Mid-Market"]);
        var added = await people.CreateAsync(admin, new() { Name = "Nia Brown", Email = "nia.brown@northwind.test", TeamId = enterprise.Id, RoleId = options.Roles[0].Id });
        added.Message.ShouldBe("The team Enterprise is archived and takes no new people; restore it first or choose another team.");
        (await service.CreateAsync(admin, new TeamForm { Name = "enterprise" })).Message
            .ShouldBe("There is already an archived team named 'Enterprise'. Restore it, or choose another name.");

        var restored = await service.ChangeAsync(admin, enterprise.Id, new TeamChange(archived.Value.Version, Archived: false));
        restored.Value!.Archived.ShouldBeFalse();
        (await people.CreateAsync(admin, new() { Name = "Nia Brown", Email = "nia.brown@northwind.test", TeamId = enterprise.Id, RoleId = options.Roles[0].Id }))
            .Kind.ShouldBe(OutcomeKind.Done);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Merging_moves_the_people_and_managers_and_archives_the_merged_team(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var commercial = await TeamAsync(database, admin, "Commercial");
        var enterprise = await TeamAsync(database, admin, "Enterprise");
        commercial.Managers.Select(m => m.Name).ShouldBe(["Mia Manager"]);

        (await service.MergeAsync(admin, commercial.Id, new TeamMerge(commercial.Id, commercial.Version))).Message
            .ShouldBe("A team cannot be merged into itself; choose another team.");
        (await service.MergeAsync(admin, commercial.Id, new TeamMerge(enterprise.Id, commercial.Version - 1))).Kind.ShouldBe(OutcomeKind.Conflict);

        var merged = await service.MergeAsync(admin, commercial.Id, new TeamMerge(enterprise.Id, commercial.Version));

        merged.Kind.ShouldBe(OutcomeKind.Done, merged.Message);
        merged.Value!.Name.ShouldBe("Enterprise");
        merged.Value.People.ShouldBe(commercial.People + enterprise.People);
        merged.Value.Managers.Select(m => m.Name).ShouldBe(["Mia Manager"]);
        var after = await TeamAsync(database, admin, "Commercial");
        (after.Archived, after.People, after.Managers.Count).ShouldBe((true, 0, 0));
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.Reps.CountAsync(r => r.TeamId == commercial.Id)).ShouldBe(0);
        // The manager now sees the team that took Commercial's people.
        (await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name)).ManagedTeamIds.ShouldBe([enterprise.Id]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Managers_are_members_with_the_Manager_role(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var admin = await AdminAsync(database);
        var service = Service(database);
        var enterprise = await TeamAsync(database, admin, "Enterprise");
        var candidates = await service.ManagersAsync(admin);
        var mia = candidates.ShouldHaveSingleItem();
        mia.Name.ShouldBe("Mia Manager");
        var commercialId = (await TeamAsync(database, admin, "Commercial")).Id;

        var given = await service.ChangeAsync(admin, enterprise.Id, new TeamChange(enterprise.Version, Managers: [mia.MembershipId]));

        given.Kind.ShouldBe(OutcomeKind.Done, given.Message);
        given.Value!.Managers.ShouldBe([mia]);
        given.Value.Version.ShouldBe(enterprise.Version + 1);
        (await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name)).ManagedTeamIds.Order().ShouldBe(new[] { commercialId, enterprise.Id }.Order());

        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var adminMembership = await db.Memberships.Where(m => m.Role == MemberRole.Admin).Select(m => m.Id).FirstAsync();
            var refused = await service.ChangeAsync(admin, enterprise.Id, new TeamChange(given.Value.Version, Managers: [adminMembership]));
            refused.Kind.ShouldBe(OutcomeKind.Invalid);
            refused.Message.ShouldStartWith("Only members with the Manager role manage teams");
        }

        var cleared = await service.ChangeAsync(admin, enterprise.Id, new TeamChange(given.Value.Version, Managers: []));
        cleared.Value!.Managers.ShouldBeEmpty();
        (await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name)).ManagedTeamIds.ShouldBe([commercialId]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leaders_consultants_and_managers_may_not_change_teams(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var service = Service(database);
        var admin = await AdminAsync(database);
        var commercial = await TeamAsync(database, admin, "Commercial");
        var enterprise = await TeamAsync(database, admin, "Enterprise");

        foreach (var email in new[] { "leader@demo.salesspec", "consultant@demo.salesspec", "manager@demo.salesspec" })
        {
            var member = await database.MemberOfAsync(email, DemoOrganization.Name);
            (await service.CreateAsync(member, new TeamForm { Name = "Mine" })).Kind.ShouldBe(OutcomeKind.Forbidden, email);
            (await service.ChangeAsync(member, commercial.Id, new TeamChange(commercial.Version, Name: "Mine"))).Kind.ShouldBe(OutcomeKind.Forbidden, email);
            (await service.MergeAsync(member, commercial.Id, new TeamMerge(enterprise.Id, commercial.Version))).Kind.ShouldBe(OutcomeKind.Forbidden, email);
        }
        (await service.ListAsync(await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name))).Count.ShouldBe(3);
        (await service.ListAsync(admin)).Select(t => (t.Name, t.Version, t.Archived)).ShouldBe([("Commercial", 1, false), ("Enterprise", 1, false), ("Mid-Market", 1, false)]);
    }
}

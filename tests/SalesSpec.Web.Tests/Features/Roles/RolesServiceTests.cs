using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Roles.Services;
using SalesSpec.Web.Features.Scenarios.Services;
using SalesSpec.Web.Tests.Features.Scenarios;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Roles;

/// <summary>Roles on both databases: costs and ramps (moved here from the scenarios page) with their concurrency check, and custom roles.</summary>
public sealed class RolesServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    public static RolesService Service(TestDatabase database) => new(database.Access, new RoleSettingValidator(), new NewRoleValidator());

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Role_costs_and_ramps_start_at_the_defaults_and_a_stale_change_is_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);
        var settings = (await service.ListAsync(leader)).Value!.Roles;
        settings.Select(s => (s.Name, s.AnnualLoadedCost, s.RampMonths)).ShouldBe(
        [
            ("Market Response Rep", (decimal?)70_000m, 3), ("Sales Development Rep", 75_000m, 3),
            ("Account Executive", 150_000m, 5), ("Full-Cycle Rep", 130_000m, 5), ("Sales Manager", 180_000m, 0),
            ("Account Manager", 110_000m, 3),
        ]);

        // Two admins' pages, opened at the same time.
        var mine = (await service.ListAsync(admin)).Value!.Roles;
        var theirs = (await service.ListAsync(admin)).Value!.Roles;
        mine.Single(s => s.Name == "Account Executive").AnnualLoadedCost = 160_000m;
        mine.Single(s => s.Name == "Account Executive").RampMonths = 6;
        (await service.SaveAsync(admin, mine)).Errors.ShouldBeEmpty();
        // Their save changes a stale role and a fresh one: the stale one is named and neither is written.
        theirs.Single(s => s.Name == "Account Executive").RampMonths = 4;
        theirs.Single(s => s.Name == "Account Manager").AnnualLoadedCost = 115_000m;
        var stale = await service.SaveAsync(admin, theirs);
        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        stale.Errors.ShouldBe(["Someone else changed Account Executive since you opened the roles; reload to see their values."]);
        (await service.ListAsync(admin)).Value!.Roles.Single(s => s.Name == "Account Manager").AnnualLoadedCost.ShouldBe(110_000m);
        var negative = (await service.ListAsync(admin)).Value!.Roles;
        negative.Single(s => s.Name == "Account Manager").AnnualLoadedCost = -1m;
        (await service.SaveAsync(admin, negative)).Errors.ShouldBe([$"Account Manager: the annual loaded cost is 0 to {RoleSettingValidator.MaxAnnualCost:N0}."]);

        var reread = (await service.ListAsync(admin)).Value!.Roles.Single(s => s.Name == "Account Executive");
        (reread.AnnualLoadedCost, reread.RampMonths).ShouldBe((160_000m, 6));
        // Scenarios read them from there.
        var id = await ScenarioServiceTests.CreateInboundAsync(database, leader);
        var workspace = (await ScenarioServiceTests.Service(database).OpenAsync(leader, id))!;
        workspace.Baseline.Roles.Single(r => r.Name == "Account Executive").ShouldBe(new ScenarioRole("Account Executive", Workload.Closing, true, 160_000m, 6));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_adds_a_custom_role_with_a_workload_of_the_template(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);

        var added = await service.AddAsync(admin, new NewRole { Name = " Solutions Engineer ", CoreWorkload = Workload.Closing, AnnualLoadedCost = 140_000m, RampMonths = 4 });

        added.Kind.ShouldBe(OutcomeKind.Done, added.Message);
        var view = (await service.ListAsync(admin)).Value!;
        var engineer = view.Roles.Single(r => r.Name == "Solutions Engineer");
        (engineer.CoreWorkload, engineer.AnnualLoadedCost, engineer.RampMonths, engineer.IsCustom, engineer.IsAnalysed).ShouldBe((Workload.Closing, 140_000m, 4, true, true));
        view.Roles.Single(r => r.Name == "Account Executive").IsCustom.ShouldBeFalse();
        (view.Currency, view.Workloads.Count).ShouldBe(("USD", 4));

        (await service.AddAsync(admin, new NewRole { Name = "solutions engineer" })).Errors.ShouldBe(["There is already a role named 'solutions engineer'."]);
        (await service.AddAsync(admin, new NewRole { Name = "Demand Gen", CoreWorkload = Workload.DemandGeneration })).Errors
            .ShouldBe(["Demand generation is not a workload of the four roles template; choose inbound qualification, outbound prospecting, closing, post-sales."]);
        (await service.AddAsync(admin, new NewRole { Name = "Slow", RampMonths = 25 })).Errors.ShouldBe([$"The ramp is 0 to {Role.MaxRampMonths} months."]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_role_is_patched_with_the_version_read_and_a_stale_one_is_a_conflict(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);
        var executive = (await service.ListAsync(admin)).Value!.Roles.Single(r => r.Name == "Account Executive");
        executive.Version.ShouldBe("150000:5");

        var patched = await service.PatchAsync(admin, executive.Id, new RolePatch(executive.Version, AnnualLoadedCost: 155_000m));

        (patched.Value!.AnnualLoadedCost, patched.Value.RampMonths, patched.Value.Version).ShouldBe((155_000m, 5, "155000:5"));
        var stale = await service.PatchAsync(admin, executive.Id, new RolePatch(executive.Version, RampMonths: 7));
        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        (await service.ListAsync(admin)).Value!.Roles.Single(r => r.Name == "Account Executive").RampMonths.ShouldBe(5);
        (await service.PatchAsync(admin, executive.Id, new RolePatch("155000:5", ClearAnnualLoadedCost: true))).Value!.Version.ShouldBe("-:5");
        (await service.PatchAsync(admin, executive.Id, new RolePatch(null, RampMonths: 7))).Kind.ShouldBe(OutcomeKind.Invalid);
        (await service.PatchAsync(admin, 999_999, new RolePatch("-:5", RampMonths: 7))).Kind.ShouldBe(OutcomeKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_admins_change_roles(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var before = (await service.ListAsync(admin)).Value!.Roles;
        foreach (var role in new[] { MemberRole.Leader, MemberRole.Consultant, MemberRole.Manager, MemberRole.Rep })
        {
            var member = await database.MemberAsync(DemoOrganization.Name, role);
            var mine = (await service.ListAsync(admin)).Value!.Roles;
            mine[0].RampMonths = 9;
            (await service.SaveAsync(member, mine)).Errors.ShouldBe([RolesService.NotAllowed]);
            (await service.AddAsync(member, new NewRole { Name = "Mine" })).Kind.ShouldBe(OutcomeKind.Forbidden);
            (await service.PatchAsync(member, mine[0].Id, new RolePatch(mine[0].Version, RampMonths: 9))).Kind.ShouldBe(OutcomeKind.Forbidden);
        }
        (await service.ListAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Rep))).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await service.ListAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader))).Value!.MayEdit.ShouldBeFalse();
        (await service.ListAsync(admin)).Value!.Roles.Select(r => (r.Name, r.RampMonths)).ShouldBe(before.Select(r => (r.Name, r.RampMonths)));
    }
}

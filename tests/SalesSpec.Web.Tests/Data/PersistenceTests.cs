using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Web.Data;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Data;

public sealed class PersistenceTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_empty_database_is_migrated_and_every_entity_round_trips(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int organizationId;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Organizations.IgnoreQueryFilters().CountAsync()).ShouldBe(0);

            var organization = Organization.Create("Acme Software", OrganizationTemplate.ThreeWorkloads);
            organization.ChangeSettings(0.225m, 37.5m, 250, hasSimpleSalesProcess: true, succeedsWithGeneralists: false);
            var east = organization.AddTeam("East");
            var role = organization.AddRole("Solutions Engineer", Workload.Closing, isAnalysed: true, annualLoadedCost: 145_000.50m);
            var activity = organization.AddActivity("Webinars", SalesFunction.NonSelling);
            var rep = Rep.Create("Ana Ruiz", "Ana@Acme.test", role, east, fte: 0.8m);
            var catchAll = organization.Activities.Single(a => a.IsCatchAll && a.Function == SalesFunction.InboundQualification);
            db.Organizations.Add(organization);
            db.Reps.Add(rep);
            db.TimeLogs.AddRange(
                TimeLog.Create(rep, activity, IsoWeek.Parse("2026-W47"), 12.75m),
                TimeLog.Create(rep, catchAll, IsoWeek.Parse("2026-W47"), 0.25m),
                TimeLog.Create(rep, activity, IsoWeek.Parse("2026-W01"), 99.99m));
            db.MonthlyLeadCounts.Add(MonthlyLeadCount.Create(organization, 2026, 11, 412));
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }

        await using (var db = (await database.Factory.CreateDbContextAsync()).ScopeTo(organizationId))
        {
            var organization = await db.Organizations
                .Include(o => o.Teams).Include(o => o.Roles).Include(o => o.Activities)
                .SingleAsync();
            (organization.Name, organization.Template, organization.Threshold, organization.StandardWeeklyHours,
                    organization.InboundLeadsPerMonth, organization.HasSimpleSalesProcess, organization.SucceedsWithGeneralists)
                .ShouldBe(("Acme Software", OrganizationTemplate.ThreeWorkloads, 0.225m, 37.5m, (int?)250, true, false));
            organization.Teams.Select(t => t.Name).ShouldBe(["East"]);
            organization.Roles.Count.ShouldBe(6);
            var role = organization.Roles.Single(r => r.Name == "Solutions Engineer");
            (role.CoreWorkload, role.IsAnalysed, role.AnnualLoadedCost).ShouldBe((Workload.Closing, true, (decimal?)145_000.50m));
            organization.Roles.Single(r => r.Name == "Sales Manager").IsAnalysed.ShouldBeFalse();
            organization.Activities.Count.ShouldBe(18 + 5 + 1);
            organization.Activities.Single(a => a.Name == "Other – InboundQualification").IsCatchAll.ShouldBeTrue();

            var rep = await db.Reps.Include(r => r.Team).Include(r => r.Role).SingleAsync();
            (rep.Name, rep.Email, rep.Team!.Name, rep.Role.Name, rep.IsActive, rep.Fte, rep.OrganizationId)
                .ShouldBe(("Ana Ruiz", "ana@acme.test", "East", "Solutions Engineer", true, 0.8m, organizationId));

            var logs = await db.TimeLogs.Include(t => t.Activity).OrderBy(t => t.WeekStart).ThenBy(t => t.Hours).ToListAsync();
            logs.Select(l => (l.Week.ToString(), l.Activity.Name, l.Hours, l.RepId)).ShouldBe(
            [
                ("2026-W01", "Webinars", 99.99m, rep.Id),
                ("2026-W47", "Other – InboundQualification", 0.25m, rep.Id),
                ("2026-W47", "Webinars", 12.75m, rep.Id),
            ]);
            var lead = await db.MonthlyLeadCounts.SingleAsync();
            (lead.Month, lead.InboundLeads, lead.OrganizationId).ShouldBe((new DateOnly(2026, 11, 1), 412, organizationId));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_context_sees_only_the_organisation_it_is_scoped_to_and_nothing_unscoped(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using var unscoped = await database.Factory.CreateDbContextAsync();
        await using var contoso = await database.OpenAsync("Contoso Analytics");

        (await unscoped.Organizations.CountAsync()).ShouldBe(0);
        (await unscoped.Reps.CountAsync()).ShouldBe(0);
        (await unscoped.TimeLogs.CountAsync()).ShouldBe(0);
        (await unscoped.Memberships.CountAsync()).ShouldBe(0);
        (await contoso.Organizations.Select(o => o.Name).ToListAsync()).ShouldBe(["Contoso Analytics"]);
        (await contoso.Reps.Select(r => r.Email).ToListAsync()).ShouldAllBe(e => e.EndsWith("@contoso.test"));
        (await contoso.TimeLogs.Select(t => t.Rep.Email).Distinct().ToListAsync()).ShouldAllBe(e => e.EndsWith("@contoso.test"));
        (await contoso.Teams.Select(t => t.Name).ToListAsync()).ShouldBe(["Direct"]);
        (await contoso.Activities.CountAsync()).ShouldBe(23);
        (await contoso.Memberships.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_migrations_match_the_model(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.Factory.CreateDbContextAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration for this provider");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rep_email_is_unique_within_an_organisation_but_not_across_them(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var acme = Organization.Create("Acme");
            var globex = Organization.Create("Globex");
            db.Organizations.AddRange(acme, globex);
            db.Reps.Add(Rep.Create("Ana", "ana@shared.test", acme.Roles.First()));
            db.Reps.Add(Rep.Create("Ana", "ana@shared.test", globex.Roles.First()));
            await db.SaveChangesAsync();
        }

        await using (var db = await database.OpenAsync("Acme"))
        {
            var acme = await db.Organizations.Include(o => o.Roles).SingleAsync();
            db.Reps.Add(Rep.Create("Ana Again", "ANA@shared.test", acme.Roles.First()));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task One_rep_has_one_row_per_week_and_activity(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.Factory.CreateDbContextAsync();
        var acme = Organization.Create("Acme");
        var rep = Rep.Create("Ana", "ana@acme.test", acme.Roles.First());
        var demos = acme.Activities.Single(a => a.Name == "Demos");
        db.Organizations.Add(acme);
        db.Reps.Add(rep);
        db.TimeLogs.Add(TimeLog.Create(rep, demos, IsoWeek.Parse("2026-W47"), 3m));
        await db.SaveChangesAsync();

        db.TimeLogs.Add(TimeLog.Create(rep, demos, IsoWeek.Parse("2026-W47"), 4m));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_demo_organisation_is_created_once_on_an_empty_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);

        await database.InitializeAsync();

        await using var db = await database.Factory.CreateDbContextAsync();
        (await db.Organizations.IgnoreQueryFilters().OrderBy(o => o.Name).Select(o => o.Name).ToListAsync())
            .ShouldBe(["Contoso Analytics", "Northwind Cloud"]);
        (await db.Reps.IgnoreQueryFilters().CountAsync()).ShouldBe(25);
        (await db.Users.CountAsync()).ShouldBe(5);
        (await db.Memberships.IgnoreQueryFilters().CountAsync()).ShouldBe(6);
    }
}

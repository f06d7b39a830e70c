using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Data;

/// <summary>The RepTeamHistory migration on both databases: every existing rep gets one assignment, from the start, in their current team.</summary>
public sealed class RepTeamHistoryMigrationTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Upgrading_backfills_one_assignment_per_rep_from_its_current_team(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("OrganizationSetUp");
            // A rep in no team before the upgrade stays in none.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Reps\" SET \"TeamId\" = NULL WHERE \"Email\" = {0}", DemoAccounts.RepEmail);
            await db.GetService<IMigrator>().MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        await using var scoped = await database.OpenAsync(DemoOrganization.Name);
        var reps = await scoped.Reps.AsNoTracking().Select(r => new { r.Id, r.Email, r.TeamId }).ToListAsync();
        var assignments = await scoped.RepTeamAssignments.AsNoTracking().ToListAsync();
        reps.Count.ShouldBe(20);
        assignments.Count.ShouldBe(reps.Count);
        foreach (var rep in reps)
        {
            var only = assignments.Single(a => a.RepId == rep.Id);
            (only.TeamId, only.FromWeek, only.ToWeek).ShouldBe((rep.TeamId, RepTeamAssignment.Beginning, (DateOnly?)null), rep.Email);
        }
        reps.Single(r => r.Email == DemoAccounts.RepEmail).TeamId.ShouldBeNull();
        (await scoped.RepTeamAssignments.IgnoreQueryFilters().CountAsync()).ShouldBeGreaterThan(reps.Count, "Contoso's reps are backfilled too, behind its own scope");
    }
}

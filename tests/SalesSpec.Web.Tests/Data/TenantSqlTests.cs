using Microsoft.EntityFrameworkCore;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Data;

/// <summary>The one way raw SQL reaches the organisation's tables: scoped to one organisation, or refused.</summary>
public sealed class TenantSqlTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_statement_sees_only_its_organisations_rows_and_takes_its_own_parameters_too(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using var db = await database.Factory.CreateDbContextAsync();
        var organizations = await db.Organizations.IgnoreQueryFilters().Select(o => new { o.Id, o.Name }).ToListAsync(TestContext.Current.CancellationToken);
        organizations.Count.ShouldBeGreaterThan(1, "the demo has more than one organisation, so a leak would show");
        foreach (var organization in organizations)
        {
            var expected = await db.Reps.IgnoreQueryFilters().Where(r => r.OrganizationId == organization.Id).OrderBy(r => r.Email).Select(r => r.Email)
                .ToListAsync(TestContext.Current.CancellationToken);
            var sql = new TenantSql(db, organization.Id);

            var emails = await sql.Query<string>($"""SELECT r."Email" AS "Value" FROM "Reps" r WHERE r."OrganizationId" = {TenantSql.Organization}""")
                .ToListAsync(TestContext.Current.CancellationToken);
            var named = await sql.Query<long>($$"""SELECT COUNT(*) AS "Value" FROM "Reps" r WHERE r."OrganizationId" = {{TenantSql.Organization}} AND r."Email" = {0}""", expected[0])
                .SingleAsync(TestContext.Current.CancellationToken);

            emails.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal), organization.Name);
            named.ShouldBe(1, organization.Name);
        }
    }

    [Theory]
    [InlineData("""SELECT COUNT(*) AS "Value" FROM "Reps" r""", "\"Reps\"")]
    [InlineData("""DELETE FROM "LockPeriods" WHERE "TeamId" = 3""", "\"LockPeriods\"")]
    [InlineData("""SELECT s.email FROM import_keys s JOIN "Activities" a ON a."Id" = s.activity_id""", "\"Activities\"")]
    public async Task A_statement_that_reads_an_organisations_table_without_naming_the_organisation_is_refused(string statement, string table)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true);
        await using var db = await database.Factory.CreateDbContextAsync();
        var before = await db.LockPeriods.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken);
        var sql = new TenantSql(db, 1);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => sql.ExecuteAsync(statement, TestContext.Current.CancellationToken));

        refused.Message.ShouldContain($"reads {table} without naming the organisation");
        (await db.LockPeriods.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(before);
    }
}

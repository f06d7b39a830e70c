using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.AnalysisJson;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Analysis;

/// <summary>One dataset, three sources: a CSV file, SQLite and PostgreSQL give the same JSON, number for number.</summary>
public sealed class AnalysisSourcesTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    [Theory]
    [InlineData(null)]
    [InlineData("Commercial")]
    public async Task A_csv_file_sqlite_and_postgres_give_identical_json(string? team)
    {
        var demo = DemoOrganization.Build(Clock.Today);
        var csvOutcome = CsvAnalysis.Analyze(new StringReader(DemoCsv.Write(demo)), new CsvAnalysisOptions
        {
            From = demo.FirstWeek,
            To = demo.LastWeek,
            Team = team,
            InboundLeadsPerMonth = demo.Organization.InboundLeadsPerMonth,
        });
        csvOutcome.Report.Problems.ShouldBeEmpty();
        var fromCsv = AnalysisJsonWriter.Serialize(csvOutcome.Result!);

        var fromSqlite = await AnalyzeInDatabaseAsync("Sqlite", team, demo);
        var fromPostgres = await AnalyzeInDatabaseAsync("Postgres", team, demo);

        fromSqlite.ShouldBe(fromCsv);
        fromPostgres.ShouldBe(fromCsv);
        fromCsv.ShouldContain("\"kind\": \"SplitOutRole\"");
    }

    private static async Task<string> AnalyzeInDatabaseAsync(string provider, string? team, DemoData demo)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            // A CSV file carries no monthly lead counts: compare on the organisation setting alone.
            await db.MonthlyLeadCounts.ExecuteDeleteAsync();
        }
        var service = new AnalysisService(database.Access, Clock);
        var outcome = await service.AnalyzeAsync(await database.MemberAsync(DemoOrganization.Name), demo.FirstWeek, demo.LastWeek, team);
        return AnalysisJsonWriter.Serialize(outcome.Result!);
    }
}

using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>
/// An import that fails after it has begun writing, on both databases: the new rep and team, the replaced weeks, the
/// timesheets' versions and the audit entry were all written inside the import's transaction when the failure comes,
/// and none of it stays. The failure reaches the caller as it was.
/// </summary>
public sealed class ImportRollbackTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static TimeLogImportService Imports(TestDatabase database) =>
        new(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions()));

    /// <summary>
    /// Ana's and Ben's last week (submitted, with timesheets and earlier hours) is replaced, and a new rep joins a new team.
    /// </summary>
    private const string Csv = """
        week,rep_email,rep_name,team,role,activity,hours
        2026-W47,ana.ruiz@northwind.test,,,,Demos,10
        2026-W47,ben.carter@northwind.test,,,,Cold calls,3
        2026-W30,zoe.young@northwind.test,Zoë Young,Partners,Sales Development Rep,Cold calls,20
        """;

    /// <summary>Where the import fails: after the statement that the name describes has run.</summary>
    public static TheoryData<string, string> FailurePoints()
    {
        var cases = new TheoryData<string, string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            foreach (var point in Fault.Points.Keys)
            {
                cases.Add(provider, point);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(FailurePoints))]
    public async Task An_import_that_fails_part_way_through_its_writes_leaves_the_database_as_it_was(string provider, string point)
    {
        var fault = new Fault(Fault.Points[point]);
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock, fault);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var before = await DatabaseDump.AllAsync(database);
        string[] written = ["Reps", "Teams", "RepTeamAssignments", "TimeLogs", "Timesheets"];
        written.ShouldBeSubsetOf(before.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        fault.Armed = true;

        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(Csv));
            await Imports(database).ImportAsync(consultant, file, dryRun: false, "failing.csv");
        });

        fault.Failed.ShouldBeTrue($"the import should have reached {point}");
        // The caller gets the failure itself (a save wraps it), not a report that says all went well, nor a later error.
        (failure is DbUpdateException ? failure.InnerException : failure).ShouldBeSameAs(fault.Exception);
        DatabaseDump.Changes(before, await DatabaseDump.AllAsync(database)).ShouldBeEmpty();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // The staging tables belong to the import's session, which the pool keeps open: none of them is left.
            await using var probe = await database.OpenAsync(DemoOrganization.Name);
            (await probe.Database.SqlQueryRaw<string>(
                "SELECT relname AS \"Value\" FROM pg_class WHERE relpersistence = 't' AND relname LIKE 'import%'").ToListAsync()).ShouldBeEmpty();
        }

        // Nothing of the failed try is in the way of the next one: the same file imports, once, whole.
        await using (var again = new MemoryStream(Encoding.UTF8.GetBytes(Csv)))
        {
            var report = await Imports(database).ImportAsync(consultant, again, dryRun: false, "failing.csv");
            report.Errors.ShouldBeEmpty();
            (report.Imported, report.RepsCreated, report.TeamsCreated, report.WeeksReplaced, report.WeeksWithEarlierData).ShouldBe((true, 1, 1, 3, 2));
        }
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var w47 = await db.TimeLogs.Where(t => t.WeekStart == new DateOnly(2026, 11, 16) && (t.Rep.Email == "ana.ruiz@northwind.test" || t.Rep.Email == "ben.carter@northwind.test"))
            .Select(t => new { t.Rep.Email, t.Activity.Name, t.Hours }).ToListAsync();
        w47.Select(t => (t.Email, t.Name, t.Hours)).ShouldBe([("ana.ruiz@northwind.test", "Demos", 10m), ("ben.carter@northwind.test", "Cold calls", 3m)], ignoreOrder: true);
        (await db.AuditEntries.CountAsync(a => a.Action == "Imported")).ShouldBe(1);
    }

    /// <summary>Throws once, armed, right after a statement of the import has run (its writes are in the transaction by then).</summary>
    private sealed class Fault(Func<DbCommand, bool> point) : DbCommandInterceptor
    {
        public static readonly Dictionary<string, Func<DbCommand, bool>> Points = new()
        {
            ["the merge's delete of the replaced weeks"] = c => c.CommandText.Contains("DELETE FROM \"TimeLogs\"", StringComparison.Ordinal),
            ["the merge's last statement, the timesheets' versions"] = c => c.CommandText.Contains("UPDATE \"Timesheets\" SET \"Version\"", StringComparison.Ordinal),
            // EF takes back this one row itself (to the savepoint it sets around a save); the rest is the import's to undo.
            ["the import's audit entry, the last write before the commit"] = c =>
                c.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                && c.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, "Imported")),
        };

        private int _armed;
        private int _failed;

        public InvalidOperationException Exception { get; } = new("The database went away in the middle of the import.");

        public bool Armed
        {
            set => Volatile.Write(ref _armed, value ? 1 : 0);
        }

        public bool Failed => Volatile.Read(ref _failed) == 1;

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            FailAfter(command);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            FailAfter(command);
            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (ShouldFail(command))
            {
                await result.DisposeAsync();
                Fail();
            }
            return result;
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            if (ShouldFail(command))
            {
                result.Dispose();
                Fail();
            }
            return result;
        }

        private void FailAfter(DbCommand command)
        {
            if (ShouldFail(command))
            {
                Fail();
            }
        }

        private bool ShouldFail(DbCommand command) => Volatile.Read(ref _armed) == 1 && point(command) && Interlocked.Exchange(ref _armed, 0) == 1;

        private void Fail()
        {
            Volatile.Write(ref _failed, 1);
            throw Exception;
        }
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>
/// Two imports of the same rep-weeks started together, on both databases — two time-log files, two CRM exports, or
/// one of each: each rep-week ends with one file's rows, never the union of both; an import that waited too long gets
/// a conflict and writes nothing.
/// </summary>
public sealed class ImportRaceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static TimeLogImportService Imports(TestDatabase database, int waitSeconds = 120) =>
        new(database.Access, Clock, NullLogger<TimeLogImportService>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ImportOptions { WaitForOtherImportSeconds = waitSeconds }));

    /// <summary>Every demo rep, four open weeks, one activity per file: file A logs 5 h of Demos, file B 7 h of Discovery calls.</summary>
    private static string File(IEnumerable<string> emails, string activity, decimal hours)
    {
        var text = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
        foreach (var email in emails)
        {
            foreach (var week in new[] { "2026-W49", "2026-W50", "2026-W51", "2026-W52" })
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{week},{email},,,,{activity},{hours}\n");
            }
        }
        return text.ToString();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Overlapping_imports_started_together_leave_one_files_rows_per_rep_week_twenty_times_over(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        List<string> emails;
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            emails = await db.Reps.Select(r => r.Email).ToListAsync();
        }
        var a = Encoding.UTF8.GetBytes(File(emails, "Demos", 5m));
        var b = Encoding.UTF8.GetBytes(File(emails, "Discovery calls", 7m));

        for (var round = 1; round <= 20; round++)
        {
            using var start = new Barrier(2);
            async Task<TimeLogImportReport> RunAsync(byte[] file)
            {
                await Task.Yield();
                start.SignalAndWait();
                await using var stream = new MemoryStream(file);
                return await Imports(database).ImportAsync(consultant, stream, dryRun: false, "race.csv");
            }
            var reports = await Task.WhenAll(Task.Run(() => RunAsync(a)), Task.Run(() => RunAsync(b)));

            reports.ShouldAllBe(r => r.Imported || r.Conflict, $"round {round}: {string.Join(" | ", reports.SelectMany(r => r.Errors).Select(e => e.Message))}");
            reports.ShouldContain(r => r.Imported, $"round {round}");
            await using var check = await database.OpenAsync(DemoOrganization.Name);
            var weeks = await check.TimeLogs
                .Where(t => t.WeekStart >= new DateOnly(2026, 11, 30))
                .GroupBy(t => new { t.RepId, t.WeekStart })
                .Select(g => new { Activities = g.Count(), Hours = g.Sum(t => t.Hours) })
                .ToListAsync();
            weeks.Count.ShouldBe(emails.Count * 4, $"round {round}");
            // One file's rows: one activity of 5 h or of 7 h, never both (12 h).
            weeks.ShouldAllBe(w => w.Activities == 1 && (w.Hours == 5m || w.Hours == 7m), $"round {round}");
        }
    }

    private static readonly DateOnly[] Mondays = [new(2026, 11, 30), new(2026, 12, 7), new(2026, 12, 14), new(2026, 12, 21)];

    /// <summary>A HubSpot meetings export: for every rep, one meeting on the Tuesday of each of the four weeks.</summary>
    private static CrmFile Meetings(string name, IEnumerable<string> emails, string title, int minutes)
    {
        var text = new StringBuilder("Record ID,Meeting name,Activity date,Activity assigned to,Meeting start time,Meeting end time,Meeting outcome\n");
        var id = 1;
        foreach (var email in emails)
        {
            foreach (var monday in Mondays)
            {
                var start = monday.AddDays(1).ToDateTime(new TimeOnly(10, 0));
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"{id++},{title},{start:yyyy-MM-dd HH:mm},{email},{start:yyyy-MM-dd HH:mm},{start.AddMinutes(minutes):yyyy-MM-dd HH:mm},Completed\n");
            }
        }
        var content = text.ToString();
        return CrmFile.FromText(name, content);
    }

    private static CrmImportService CrmImports(TestDatabase database) => new(Imports(database), new CrmRulesFormValidator(), new CrmLayoutValidator());

    /// <summary>One side of a race: the file name its audit entry carries, what it leaves in each rep-week, and the import itself.</summary>
    private sealed record Side(string FileName, string RepWeek, Func<Task<TimeLogImportReport>> Run);

    /// <summary>
    /// Starts both sides together, ten times over. After each round every rep-week of the four weeks holds exactly
    /// one side's rows — and the same side's everywhere: the side whose import committed last, by its audit entry.
    /// </summary>
    private static async Task RaceAsync(TestDatabase database, int reps, Side first, Side second)
    {
        var imported = 0;
        for (var round = 1; round <= 10; round++)
        {
            using var start = new Barrier(2);
            async Task<TimeLogImportReport> RunAsync(Side side)
            {
                await Task.Yield();
                start.SignalAndWait();
                return await side.Run();
            }
            var reports = await Task.WhenAll(Task.Run(() => RunAsync(first)), Task.Run(() => RunAsync(second)));

            reports.ShouldAllBe(r => r.Imported || r.Conflict, $"round {round}: {string.Join(" | ", reports.SelectMany(r => r.Errors).Select(e => e.Message))}");
            reports.ShouldContain(r => r.Imported, $"round {round}");
            imported += reports.Count(r => r.Imported);
            await using var check = await database.OpenAsync(DemoOrganization.Name);
            var logs = await check.TimeLogs
                .Where(t => t.WeekStart >= Mondays[0])
                .Select(t => new { t.RepId, t.WeekStart, Activity = t.Activity.Name, t.Hours })
                .ToListAsync();
            var weeks = logs.GroupBy(t => (t.RepId, t.WeekStart))
                .Select(g => string.Join(", ", g.Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Activity} {t.Hours:0.####}")).Order(StringComparer.Ordinal)))
                .ToList();
            var audits = await check.AuditEntries.Where(a => a.Action == "Imported").OrderBy(a => a.Id).Select(a => a.Summary).ToListAsync();
            audits.Count.ShouldBe(imported, $"round {round}: one audit entry per import written");
            var last = new[] { first, second }.Single(s => audits[^1].Contains($"'{s.FileName}'", StringComparison.Ordinal));
            weeks.Count.ShouldBe(reps * Mondays.Length, $"round {round}");
            weeks.ShouldAllBe(w => w == last.RepWeek, $"round {round}: {last.FileName} committed last");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_CRM_imports_of_the_same_reps_started_together_leave_one_exports_rows_per_rep_week(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        List<string> emails;
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            emails = await db.Reps.Select(r => r.Email).ToListAsync();
        }
        var rules = await new CrmRuleService(database.Access, new CrmRulesFormValidator(), TimeProvider.System).GetAsync(consultant);
        // Every rep in every week: a one-hour demo in one export, a 45-minute discovery call in the other.
        var demos = Meetings("demos.csv", emails, "Product demo", 60);
        var discovery = Meetings("discovery.csv", emails, "Discovery call", 45);

        await RaceAsync(database, emails.Count,
            new Side("demos.csv", "Demos 1", async () => (await CrmImports(database).ImportAsync(consultant, [demos], rules, null, dryRun: false)).Import),
            new Side("discovery.csv", "Discovery calls 0.75", async () => (await CrmImports(database).ImportAsync(consultant, [discovery], rules, null, dryRun: false)).Import));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_CRM_import_and_a_time_log_import_of_the_same_reps_started_together_leave_one_sources_rows_per_rep_week(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        List<string> emails;
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            emails = await db.Reps.Select(r => r.Email).ToListAsync();
        }
        var rules = await new CrmRuleService(database.Access, new CrmRulesFormValidator(), TimeProvider.System).GetAsync(consultant);
        var csv = Encoding.UTF8.GetBytes(File(emails, "Demos", 5m));
        var discovery = Meetings("discovery.csv", emails, "Discovery call", 45);

        await RaceAsync(database, emails.Count,
            new Side("demos.csv", "Demos 5", async () =>
            {
                await using var stream = new MemoryStream(csv);
                return await Imports(database).ImportAsync(consultant, stream, dryRun: false, "demos.csv");
            }),
            new Side("discovery.csv", "Discovery calls 0.75", async () => (await CrmImports(database).ImportAsync(consultant, [discovery], rules, null, dryRun: false)).Import));
    }

    [Fact]
    public async Task On_postgres_an_import_that_waits_too_long_for_the_same_reps_writes_nothing_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        await using var holder = await database.OpenAsync(DemoOrganization.Name);
        var ana = await holder.Reps.SingleAsync(r => r.Email == "ana.ruiz@northwind.test");
        // Someone holds Ana's row (a long save, another import): the import waits one second, then gives up.
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Reps" WHERE "Id" = {ana.Id} FOR UPDATE""");
        var statuses = new List<string>();

        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(File(["ana.ruiz@northwind.test"], "Demos", 5m)));
        var report = await Imports(database, waitSeconds: 1).ImportAsync(consultant, file, dryRun: false, "slow.csv", status: new SynchronousProgress(statuses));

        (report.Imported, report.Conflict).ShouldBe((false, true));
        report.Errors.ShouldHaveSingleItem().Message.ShouldBe(TimeLogImportService.OtherImportMessage);
        statuses.ShouldContain("Waiting for another import of the same people to finish…");
        await transaction.RollbackAsync();
        await using var check = await database.OpenAsync(DemoOrganization.Name);
        (await check.TimeLogs.CountAsync(t => t.RepId == ana.Id && t.WeekStart >= new DateOnly(2026, 11, 30))).ShouldBe(0);
    }

    [Fact]
    public async Task On_postgres_an_import_ended_by_a_deadlock_is_tried_once_more_and_writes_its_file()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        await using var holder = await database.OpenAsync(DemoOrganization.Name);
        var reps = await holder.Reps.Where(r => r.Email == "ana.ruiz@northwind.test" || r.Email == "ben.carter@northwind.test")
            .OrderBy(r => r.Id).ToListAsync();
        var (first, second) = (reps[0], reps[1]);
        // PostgreSQL looks for a deadlock once, deadlock_timeout after a wait begins, and ends the statement of the
        // one that looks. The import looks after 5 s (time enough for the holder to queue up even on a busy machine),
        // the holder after a minute: so the deadlock ends the import's try, never the holder's.
        await holder.Database.ExecuteSqlRawAsync("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET deadlock_timeout = ''5s''', current_database()); END $$");
        Npgsql.NpgsqlConnection.ClearAllPools();
        // Someone holds the second rep; the import locks the first and waits for the second.
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlRawAsync("SET LOCAL deadlock_timeout = '60s'");
        await holder.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Reps" WHERE "Id" = {second.Id} FOR UPDATE""");
        var statuses = new List<string>();
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(File(reps.Select(r => r.Email), "Demos", 5m)));
        var import = Task.Run(() => Imports(database).ImportAsync(consultant, file, dryRun: false, "deadlock.csv", status: new SynchronousProgress(statuses)));
        var waited = Stopwatch.StartNew();
        while (await WaitingOnLocksAsync(database) == 0)
        {
            import.IsCompleted.ShouldBeFalse("the import should wait for the held rep");
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), string.Join(" | ", statuses));
            await Task.Delay(50);
        }

        // Now the holder wants the first rep, which the import holds: a deadlock, which ends the import's try.
        await holder.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Reps" WHERE "Id" = {first.Id} FOR UPDATE""");
        await transaction.CommitAsync();
        var report = await import;

        report.Imported.ShouldBeTrue(string.Join(" | ", report.Errors.Select(e => e.Message)));
        // The first try waited and never got its lock (the deadlock ended it); the second imported the file.
        statuses[0].ShouldBe("Waiting for another import of the same people to finish…");
        statuses.ElementAtOrDefault(1).ShouldNotBe("Importing", string.Join(" | ", statuses));
        await using var check = await database.OpenAsync(DemoOrganization.Name);
        var weeks = await check.TimeLogs.Where(t => t.WeekStart >= new DateOnly(2026, 11, 30)).ToListAsync();
        weeks.Count.ShouldBe(8);
        weeks.ShouldAllBe(t => t.Hours == 5m);
    }

    /// <summary>Backends waiting for a lock, seen from a connection of its own (a transaction sees one snapshot of the statistics).</summary>
    private static async Task<int> WaitingOnLocksAsync(TestDatabase database)
    {
        await using var probe = await database.OpenAsync(DemoOrganization.Name);
        return await probe.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync();
    }

    private sealed class SynchronousProgress(List<string> seen) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>Rolling an import back from the import history, on both real databases: exact, all or nothing, refused when work would be lost.</summary>
public sealed class ImportUndoTests
{
    private const string Header = "week,rep_email,rep_name,team,role,activity,hours";

    // Ana's week 47 (submitted) and Olivia's (a draft) had hours; Olivia's week 30 of this year gets its first.
    private const string File = $"""
        {Header}
        2026-W47,ana.ruiz@northwind.test,,,,Demos,10
        2026-W47,olivia.patel@northwind.test,,,,Cold calls,30
        2026-W30,olivia.patel@northwind.test,,,,Cold calls,12
        """;

    private static readonly IsoWeek Week47 = IsoWeek.Of(2026, 47);

    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Setup(TestDatabase Database, MovableClock Clock, TimeLogImportService Imports, ImportHistoryService History, MemberAccess Leader) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public async Task<int> ImportAsync(string csv = File)
        {
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var report = await Imports.ImportAsync(Leader, file, dryRun: false, "march.csv");
            report.Errors.ShouldBeEmpty();
            report.Imported.ShouldBeTrue();
            return (await History.ListAsync(Leader))[0].Id;
        }

        public WeekService Weeks => new(Database.Access, new WeekEntryValidator(), Clock);

        public TeamWeekService TeamWeeks => new(Database.Access, Weeks, new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
    }

    private static async Task<Setup> StartAsync(string provider)
    {
        var clock = new MovableClock();
        var database = await TestDatabase.CreateAsync(provider, demo: true, clock: clock);
        var imports = new TimeLogImportService(database.Access, clock, NullLogger<TimeLogImportService>.Instance, Options.Create(new ImportOptions()));
        return new Setup(database, clock, imports, new ImportHistoryService(database.Access, clock, Options.Create(new ImportOptions())),
            await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name));
    }

    /// <summary>The time logs and the weekly summary, as comparable text.</summary>
    private static async Task<string> HoursAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var logs = await db.TimeLogs.AsNoTracking().Select(t => new { t.RepId, t.WeekStart, t.ActivityId, t.Hours }).ToListAsync();
        var summaries = await db.RepWeekSummaries.AsNoTracking()
            .Select(s => new { s.RepId, s.WeekStart, s.InboundQualificationE4, s.OutboundProspectingE4, s.ClosingE4, s.PostSalesE4, s.NonSellingE4 })
            .ToListAsync();
        return string.Join("\n", logs.Select(l => $"{l.RepId} {l.WeekStart:yyyy-MM-dd} {l.ActivityId} {l.Hours:0.####}").Order(StringComparer.Ordinal))
               + "\n--\n" + string.Join("\n", summaries.Select(s => $"{s.RepId} {s.WeekStart:yyyy-MM-dd} {s.InboundQualificationE4} {s.OutboundProspectingE4} {s.ClosingE4} {s.PostSalesE4} {s.NonSellingE4}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_restores_every_rep_week_the_import_replaced_exactly_and_is_audited(string provider)
    {
        await using var s = await StartAsync(provider);
        var before = await HoursAsync(s.Database);
        var id = await s.ImportAsync();
        var imported = await HoursAsync(s.Database);
        imported.ShouldNotBe(before);

        var row = (await s.History.ListAsync(s.Leader)).ShouldHaveSingleItem();
        (row.RepWeeks, row.FirstWeek, row.LastWeek, row.MayRollBack, row.ImportedBy).ShouldBe((3, IsoWeek.Of(2026, 30), Week47, true, "Lee Leader"));
        row.Summary.ShouldContain("march.csv");
        (await s.History.PlanRollbackAsync(s.Leader, id)).Value.ShouldBe(
            "Rolling back the import of 23 Nov 2026 12:00 UTC by Lee Leader restores the 3 rep-weeks it wrote in 2026-W30 – 2026-W47: "
            + "2 get back the hours they had before and 1 become empty again. Reps and teams it created stay (archive them on People if they should go). The audit log records the rollback.");
        (await HoursAsync(s.Database)).ShouldBe(imported, "planning changes nothing");

        var done = await s.History.RollBackAsync(s.Leader, id);

        done.Succeeded.ShouldBeTrue(done.Message);
        (await HoursAsync(s.Database)).ShouldBe(before);
        var listed = (await s.History.ListAsync(s.Leader)).Single();
        (listed.RolledBackBy, listed.MayRollBack).ShouldBe(("Lee Leader", false));
        listed.State.ShouldBe("Rolled back by Lee Leader on 23 Nov 2026 12:00 UTC");
        (await s.History.RollBackAsync(s.Leader, id)).Message.ShouldStartWith("This import was rolled back already, by Lee Leader");
        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        var audit = await db.AuditEntries.Where(a => a.Action == "RolledBack").SingleAsync();
        (audit.UserId, audit.EntityId).ShouldBe((s.Leader.UserId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        (await db.ReplacedTimeLogs.CountAsync(), await db.ImportedRepWeeks.CountAsync()).ShouldBe((0, 0), "what was kept goes once it is restored");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rollback_is_refused_with_the_list_when_a_rep_week_was_changed_or_locked_since(string provider)
    {
        await using var s = await StartAsync(provider);
        var id = await s.ImportAsync();
        var rep = await s.Database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name);
        var olivia = await s.Database.RepIdAsync(DemoOrganization.Name, "olivia.patel@northwind.test");
        var week = (await s.Weeks.GetAsync(rep, olivia, Week47)).Value!;
        (await s.Weeks.SubmitAsync(rep, olivia, Week47, week.Version)).Succeeded.ShouldBeTrue();
        var admin = await s.Database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var enterprise = (await s.TeamWeeks.GetAsync(admin, Week47))!.Teams.Single(t => t.Name == "Enterprise").Id;
        (await s.TeamWeeks.LockAsync(admin, enterprise, Week47)).Succeeded.ShouldBeTrue();
        var after = await HoursAsync(s.Database);

        var refused = await s.History.RollBackAsync(s.Leader, id);

        refused.Kind.ShouldBe(OutcomeKind.Conflict);
        refused.Message.ShouldBe(
            "Nothing was rolled back: 2 of the rep-weeks this import wrote were changed or locked since, and rolling back would undo that work. "
            + "Ana Ruiz 2026-W47 (locked since); Olivia Patel 2026-W47 (changed since). Reopen or correct those weeks by hand, or import a corrected file.");
        (await s.History.PlanRollbackAsync(s.Leader, id)).Message.ShouldBe(refused.Message);
        (await HoursAsync(s.Database)).ShouldBe(after);
        (await s.History.ListAsync(s.Leader)).Single().MayRollBack.ShouldBeTrue("it can still be rolled back once those weeks are sorted out");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_later_import_of_the_same_weeks_must_be_rolled_back_first_then_the_earlier_one_can_be(string provider)
    {
        await using var s = await StartAsync(provider);
        var before = await HoursAsync(s.Database);
        var first = await s.ImportAsync();
        // Olivia's week 30 has no timesheet: only the import history can tell that it was imported again.
        var second = await s.ImportAsync($"{Header}\n2026-W30,olivia.patel@northwind.test,,,,Cold calls,14\n");
        var afterFirst = await HoursAsync(s.Database);

        var refused = await s.History.RollBackAsync(s.Leader, first);

        (refused.Kind, refused.Message).ShouldBe((OutcomeKind.Conflict,
            "Nothing was rolled back: 1 of the rep-weeks this import wrote were changed or locked since, and rolling back would undo that work. "
            + "Olivia Patel 2026-W30 (imported again since). Reopen or correct those weeks by hand, or import a corrected file."));
        (await HoursAsync(s.Database)).ShouldBe(afterFirst);
        (await s.History.RollBackAsync(s.Leader, second)).Succeeded.ShouldBeTrue();
        var undone = await s.History.RollBackAsync(s.Leader, first);
        undone.Succeeded.ShouldBeTrue(undone.Message);
        (await HoursAsync(s.Database)).ShouldBe(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task After_seven_days_an_import_is_kept_and_what_it_replaced_is_dropped(string provider)
    {
        await using var s = await StartAsync(provider);
        var id = await s.ImportAsync();
        s.Clock.Now = s.Clock.Now.AddDays(7).AddMinutes(1);

        var late = await s.History.PlanRollbackAsync(s.Leader, id);

        late.Message.ShouldBe("This import is more than 7 days old (imported 23 Nov 2026 12:00 UTC), and what it replaced is no longer kept. Import a corrected file instead.");
        (await s.History.ListAsync(s.Leader)).Single().State.ShouldBe("Kept (more than 7 days old)");
        var next = await s.ImportAsync($"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,1\n");
        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        (await db.ReplacedTimeLogs.CountAsync(t => t.ImportId == id)).ShouldBe(0, "the next import drops what older imports kept");
        (await db.ImportedRepWeeks.CountAsync(w => w.ImportId == id)).ShouldBe(0);
        (await db.ImportedRepWeeks.CountAsync(w => w.ImportId == next)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_those_who_may_import_see_the_history_and_roll_back(string provider)
    {
        await using var s = await StartAsync(provider);
        var id = await s.ImportAsync();
        var manager = await s.Database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);

        (await s.History.ListAsync(manager)).ShouldBeEmpty();
        (await s.History.RollBackAsync(manager, id)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await s.History.RollBackAsync(s.Leader, id + 1000)).Kind.ShouldBe(OutcomeKind.NotFound);
        var other = await s.Database.MemberAsync("Contoso Analytics", MemberRole.Admin);
        (await s.History.RollBackAsync(other, id)).Kind.ShouldBe(OutcomeKind.NotFound, "another organisation's import is not there");
    }
}

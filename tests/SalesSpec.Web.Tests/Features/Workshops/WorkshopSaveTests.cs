using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Workshops.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Workshops;

/// <summary>A named workshop's answers saved as a week's time logs, on both databases: matched, previewed, saved, refused.</summary>
public sealed class WorkshopSaveTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    // The demo's last complete week is submitted, not approved, so it may be replaced; the week before is approved.
    private static readonly IsoWeek LastWeek = IsoWeek.Containing(FixedClock.Monday23November2026).AddWeeks(-1);

    private static WorkshopSaveService Saves(TestDatabase database) => new(database.Access,
        new TimeLogImportService(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Options.Create(new ImportOptions())));

    private static async Task<(WorkshopServiceTests.Services Services, MemberAccess Consultant, int Id, string Code, WorkshopServiceTests.Catalogue Catalogue)> OpenAsync(
        TestDatabase database, bool anonymous = false)
    {
        var services = WorkshopServiceTests.For(database);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var created = await services.Workshops.CreateAsync(consultant, new WorkshopForm { Title = "Kick-off", IsAnonymous = anonymous });
        created.Errors.ShouldBeEmpty();
        var code = (await services.Workshops.ListAsync(consultant)).Single(s => s.Id == created.Value).Code;
        return (services, consultant, created.Value, code, await WorkshopServiceTests.CatalogueAsync(database));
    }

    private static async Task<decimal> HoursOfAsync(TestDatabase database, string email, IsoWeek week)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        return await db.TimeLogs.Where(t => t.Rep.Email == email && t.WeekStart == week.Monday).Select(t => t.Hours).ToListAsync() is var hours ? hours.Sum() : 0m;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Answers_match_by_email_then_name_preview_writes_nothing_and_the_save_replaces_the_week_and_creates_only_confirmed_reps(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code, catalogue) = await OpenAsync(database);
        // By email (the case as typed on a phone), by the one rep of that name, someone new, and a name nobody has.
        (await services.Join.AnswerAsync(code, "phone-1", WorkshopServiceTests.Answer(catalogue, 30m, "Ana R.", "Ana.Ruiz@Northwind.test"))).Errors.ShouldBeEmpty();
        (await services.Join.AnswerAsync(code, "phone-2", WorkshopServiceTests.Answer(catalogue, 25m, "grace hall"))).Errors.ShouldBeEmpty();
        (await services.Join.AnswerAsync(code, "phone-3", WorkshopServiceTests.Answer(catalogue, 20m, "Nia Okafor", "nia.okafor@northwind.test"))).Errors.ShouldBeEmpty();
        (await services.Join.AnswerAsync(code, "phone-4", WorkshopServiceTests.Answer(catalogue, 20m, "Sam Nobody"))).Errors.ShouldBeEmpty();
        var anaBefore = await HoursOfAsync(database, "ana.ruiz@northwind.test", LastWeek);
        anaBefore.ShouldBeGreaterThan(0m);

        var preview = (await Saves(database).SaveAsync(consultant, id, LastWeek, createNewReps: false, dryRun: true)).Value.ShouldNotBeNull();
        preview.Lines.Select(l => (l.Number, l.Match, l.RepEmail, l.IsSaved)).ShouldBe(
        [
            (1, WorkshopMatch.Email, "ana.ruiz@northwind.test", true),
            (2, WorkshopMatch.Name, "grace.hall@northwind.test", true),
            (3, WorkshopMatch.NewRep, "nia.okafor@northwind.test", false),
            (4, WorkshopMatch.None, null, false),
        ]);
        preview.Lines[3].Problem.ShouldBe("No rep has this name, and the answer gave no email to create one with. Left out.");
        preview.Report.ErrorCount.ShouldBe(0);
        preview.Report.Imported.ShouldBeFalse();
        (preview.Report.WeeksReplaced, preview.Report.WeeksWithEarlierData, preview.Report.RepsCreated).ShouldBe((2, 2, 0));
        preview.Report.HoursImported.ShouldBe(80m);
        (await HoursOfAsync(database, "ana.ruiz@northwind.test", LastWeek)).ShouldBe(anaBefore);

        var saved = (await Saves(database).SaveAsync(consultant, id, LastWeek, createNewReps: true, dryRun: false)).Value.ShouldNotBeNull();
        saved.Report.Errors.ShouldBeEmpty();
        saved.Report.Imported.ShouldBeTrue();
        (saved.Report.WeeksReplaced, saved.Report.RepsCreated).ShouldBe((3, 1));

        // Ana's whole week is now the answer: 40 standard hours × FTE 1, 30 % inbound, 60 % closing, 10 % non-selling.
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var ana = await db.TimeLogs.Where(t => t.Rep.Email == "ana.ruiz@northwind.test" && t.WeekStart == LastWeek.Monday)
            .Select(t => new { t.ActivityId, t.Hours }).ToListAsync();
        ana.OrderBy(l => l.ActivityId).Select(l => (l.ActivityId, l.Hours)).ShouldBe(
            new[] { (catalogue.Inbound, 12m), (catalogue.Closing, 24m), (catalogue.NonSelling, 4m) }.OrderBy(l => l.Item1));
        var nia = await db.Reps.Include(r => r.Role).Include(r => r.Team).SingleAsync(r => r.Email == "nia.okafor@northwind.test");
        nia.Name.ShouldBe("Nia Okafor");
        nia.Role.Id.ShouldBe(catalogue.AccountExecutive);
        (await db.RepWeekSummaries.Where(s => s.RepId == nia.Id && s.WeekStart == LastWeek.Monday).Select(s => s.InboundQualificationE4).SingleAsync())
            .ShouldBe(8 * 10_000);
        (await db.Reps.AnyAsync(r => r.Name == "Sam Nobody")).ShouldBeFalse();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "TimeLogs").Select(e => e.Summary).ToListAsync();
        audit.ShouldContain($"Saved 3 of 4 answers of workshop 'Kick-off' as the time logs of {LastWeek}: 3 rep-weeks (2 replaced), 1 new reps.");
        (await db.TimeLogImports.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_approved_week_is_refused_whole_two_answers_of_one_rep_save_neither_and_anonymous_answers_name_nobody(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code, catalogue) = await OpenAsync(database);
        (await services.Join.AnswerAsync(code, "phone-1", WorkshopServiceTests.Answer(catalogue, 30m, "Ana Ruiz", "ana.ruiz@northwind.test"))).Errors.ShouldBeEmpty();
        (await services.Join.AnswerAsync(code, "phone-2", WorkshopServiceTests.Answer(catalogue, 25m, "Ben Carter"))).Errors.ShouldBeEmpty();
        (await services.Join.AnswerAsync(code, "phone-3", WorkshopServiceTests.Answer(catalogue, 20m, "Ben Carter", "ben.carter@northwind.test"))).Errors.ShouldBeEmpty();
        var approved = LastWeek.AddWeeks(-1);
        var before = await HoursOfAsync(database, "ana.ruiz@northwind.test", approved);

        var refused = (await Saves(database).SaveAsync(consultant, id, approved, createNewReps: false, dryRun: false)).Value.ShouldNotBeNull();
        refused.Lines.Where(l => l.Number > 1).ShouldAllBe(l => !l.IsSaved && l.Problem == "Answers #2 and #3 are both Ben Carter's; neither is saved. Delete one on the phone or in the CSV.");
        refused.Report.Imported.ShouldBeFalse();
        refused.Report.Errors.ShouldContain(e => e.Line == 1 && e.Message.Contains("approved", StringComparison.Ordinal));
        (await HoursOfAsync(database, "ana.ruiz@northwind.test", approved)).ShouldBe(before);

        var (anonymousServices, _, anonymousId, anonymousCode, _) = await OpenAsync(database, anonymous: true);
        (await anonymousServices.Join.AnswerAsync(anonymousCode, "phone-1", WorkshopServiceTests.Answer(catalogue, 30m, "AR"))).Errors.ShouldBeEmpty();
        var anonymous = await Saves(database).SaveAsync(consultant, anonymousId, LastWeek, createNewReps: true, dryRun: true);
        (anonymous.Kind, anonymous.Message).ShouldBe((OutcomeKind.Invalid, WorkshopSaveService.Anonymous));

        var rep = await database.MemberAsync(DemoOrganization.Name, MemberRole.Rep);
        (await Saves(database).SaveAsync(rep, id, LastWeek, createNewReps: false, dryRun: true)).Kind.ShouldBe(OutcomeKind.Forbidden);
    }

    [Fact]
    public void A_share_of_the_standard_week_is_hours_to_four_decimals_of_the_reps_fte()
    {
        WorkshopSaveService.HoursOf(40m, 1m, 33.33m).ShouldBe(13.332m);
        WorkshopSaveService.HoursOf(40m, 0.5m, 30m).ShouldBe(6m);
        WorkshopSaveService.HoursOf(37.5m, 0.8m, 12.345m).ShouldBe(3.7035m);
    }
}

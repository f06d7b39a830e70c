using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Workshops;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Features.Workshops.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Workshops;

/// <summary>A workshop on both databases: opened by a consultant, answered from phones by its code, analysed, closed and deleted.</summary>
public sealed class WorkshopServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    public sealed record Services(WorkshopService Workshops, JoinService Join, WorkshopNotifier Notifier);

    public static Services For(TestDatabase database, TimeProvider? clock = null)
    {
        var notifier = new WorkshopNotifier(database.Factory, NullLogger<WorkshopNotifier>.Instance);
        return new Services(
            new WorkshopService(database.Access, new WorkshopFormValidator(), notifier, clock ?? Clock),
            new JoinService(database.Factory, new JoinFormValidator(new WeekEntryValidator()), notifier, clock ?? Clock),
            notifier);
    }

    /// <summary>The organisation's role and activity ids a phone answers with: an AE, and activities by function.</summary>
    public sealed record Catalogue(int AccountExecutive, int Inbound, int Closing, int NonSelling, IReadOnlyList<int> Teams);

    public static async Task<Catalogue> CatalogueAsync(TestDatabase database, string organization = DemoOrganization.Name)
    {
        await using var db = await database.OpenAsync(organization);
        var role = await db.SalesRoles.Where(r => r.CoreWorkload == Workload.Closing).Select(r => r.Id).FirstAsync();
        int First(SalesFunction function) => db.Activities.Where(a => a.Function == function && !a.IsArchived).OrderBy(a => a.Id).Select(a => a.Id).First();
        return new Catalogue(role, First(SalesFunction.InboundQualification), First(SalesFunction.Closing), First(SalesFunction.NonSelling),
            await db.Teams.Where(t => !t.IsArchived).Select(t => t.Id).ToListAsync());
    }

    public static JoinForm Answer(Catalogue catalogue, decimal inbound, string? name = null, string? email = null) => new()
    {
        Name = name,
        Email = email,
        RoleId = catalogue.AccountExecutive,
        Shares =
        [
            new JoinShare { ActivityId = catalogue.Inbound, Percent = inbound },
            new JoinShare { ActivityId = catalogue.Closing, Percent = 90m - inbound },
            new JoinShare { ActivityId = catalogue.NonSelling, Percent = 10m },
        ],
    };

    private static async Task<(Services Services, MemberAccess Consultant, int Id, string Code)> OpenAsync(TestDatabase database, bool anonymous = true)
    {
        var services = For(database);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var created = await services.Workshops.CreateAsync(consultant, new WorkshopForm { Title = "Kick-off", IsAnonymous = anonymous });
        created.Errors.ShouldBeEmpty();
        var code = (await services.Workshops.ListAsync(consultant)).Single(s => s.Id == created.Value).Code;
        return (services, consultant, created.Value, code);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Three_phones_answer_and_the_board_shows_them_with_the_inbound_break_out(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code) = await OpenAsync(database);
        var catalogue = await CatalogueAsync(database);
        var heard = new List<int>();
        services.Notifier.Changed += heard.Add;

        foreach (var (device, inbound, initials) in new[] { ("phone-1", 30m, "ar"), ("phone-2", 25m, "Bea Cole"), ("phone-3", 20m, null) })
        {
            var answered = await services.Join.AnswerAsync(code, device, Answer(catalogue, inbound, initials));
            answered.Errors.ShouldBeEmpty();
        }
        heard.ShouldBe([id, id, id]);

        var board = (await services.Workshops.BoardAsync(consultant, id)).Value.ShouldNotBeNull();
        board.AnswerCount.ShouldBe(3);
        board.Answers.Select(a => a.Label).ShouldBe(["AR", "BC", "#3"]);
        board.Answers.ShouldAllBe(a => a.Name == null && a.Email == null);
        board.Answers[0].Percent[SalesFunction.InboundQualification].ShouldBe(30m);
        // Each answer is one rep working the organisation's standard week: 40 h × 25 % average inbound = 10 h a week each.
        board.Result.TotalHours.ShouldBe(3 * 40m);
        var inboundShare = board.Result.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification);
        inboundShare.WeeklyHours.ShouldBe(40m * 0.30m + 40m * 0.25m + 40m * 0.20m);
        inboundShare.Candidates!.Count.ShouldBe(3);
        (await services.Workshops.ListAsync(consultant)).Single(s => s.Id == id).Answers.ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_phone_changes_its_answer_until_the_workshop_closes_and_again_after_it_reopens(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code) = await OpenAsync(database);
        var catalogue = await CatalogueAsync(database);

        (await services.Join.AnswerAsync(code, "phone-1", Answer(catalogue, 30m))).Succeeded.ShouldBeTrue();
        (await services.Join.AnswerAsync(code.ToLowerInvariant(), "phone-1", Answer(catalogue, 5m))).Succeeded.ShouldBeTrue();
        var view = (await services.Join.FindAsync(code, "phone-1")).ShouldNotBeNull();
        view.Answer.ShouldNotBeNull().Shares.Single(s => s.ActivityId == catalogue.Inbound).Percent.ShouldBe(5m);
        (await services.Join.FindAsync(code, "phone-2")).ShouldNotBeNull().Answer.ShouldBeNull();

        (await services.Workshops.CloseAsync(consultant, id)).Succeeded.ShouldBeTrue();
        var refused = await services.Join.AnswerAsync(code, "phone-1", Answer(catalogue, 40m));
        (refused.Kind, refused.Message).ShouldBe((OutcomeKind.Locked, "This workshop is closed: answers are no longer taken."));
        (await services.Join.AnswerAsync(code, "phone-9", Answer(catalogue, 40m))).Kind.ShouldBe(OutcomeKind.Locked);
        (await services.Join.FindAsync(code, "phone-1")).ShouldNotBeNull().IsOpen.ShouldBeFalse();

        (await services.Workshops.ReopenAsync(consultant, id)).Succeeded.ShouldBeTrue();
        (await services.Join.AnswerAsync(code, "phone-1", Answer(catalogue, 40m))).Succeeded.ShouldBeTrue();
        var board = (await services.Workshops.BoardAsync(consultant, id)).Value.ShouldNotBeNull();
        board.AnswerCount.ShouldBe(1);
        board.Answers.Single().Percent[SalesFunction.InboundQualification].ShouldBe(40m);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task After_seven_days_the_workshop_has_ended_and_cannot_be_reopened(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (_, consultant, id, code) = await OpenAsync(database);
        var catalogue = await CatalogueAsync(database);
        var later = For(database, new FixedClock(FixedClock.Monday23November2026.AddDays(7)));

        var refused = await later.Join.AnswerAsync(code, "phone-1", Answer(catalogue, 30m));
        (refused.Kind, refused.Message).ShouldBe((OutcomeKind.Locked, "This workshop has ended: answers are no longer taken."));
        (await later.Join.FindAsync(code, null)).ShouldNotBeNull().ClosedMessage.ShouldBe("This workshop has ended: answers are no longer taken.");
        (await later.Workshops.ListAsync(consultant)).Single(s => s.Id == id).State.ShouldBe(WorkshopState.Expired);
        (await later.Workshops.CloseAsync(consultant, id)).Succeeded.ShouldBeTrue();
        var reopen = await later.Workshops.ReopenAsync(consultant, id);
        reopen.Kind.ShouldBe(OutcomeKind.Invalid);
        reopen.Message.ShouldStartWith("The workshop expired on");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bad_answer_is_refused_field_by_field_and_nothing_is_saved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code) = await OpenAsync(database, anonymous: false);
        var catalogue = await CatalogueAsync(database);
        var contoso = await CatalogueAsync(database, "Contoso Analytics");

        async Task<Dictionary<string, string>> RefusedAsync(JoinForm form)
        {
            var outcome = await services.Join.AnswerAsync(code, "phone-1", form);
            outcome.Kind.ShouldBe(OutcomeKind.Invalid);
            return outcome.Value!;
        }

        (await RefusedAsync(Answer(catalogue, 30m))).ShouldContainKeyAndValue("Name", "Enter your name.");
        (await RefusedAsync(Answer(catalogue, 30m, "Ana Ruiz", "not-an-email"))).ShouldContainKey("Email");
        (await RefusedAsync(Answer(catalogue, 30m, new string('a', 101)))).ShouldContainKey("Name");
        var otherRole = Answer(catalogue, 30m, "Ana Ruiz");
        otherRole.RoleId = contoso.AccountExecutive;
        (await RefusedAsync(otherRole)).ShouldContainKeyAndValue("RoleId", "Choose one of the roles listed.");
        var otherTeam = Answer(catalogue, 30m, "Ana Ruiz");
        otherTeam.TeamId = contoso.Teams[0];
        (await RefusedAsync(otherTeam)).ShouldContainKeyAndValue("TeamId", "Choose one of the teams listed, or none.");
        var otherActivity = Answer(catalogue, 30m, "Ana Ruiz");
        otherActivity.Shares[0].ActivityId = contoso.Inbound;
        (await RefusedAsync(otherActivity))["Shares"].ShouldStartWith("An activity you answered for is no longer in the list");
        var short90 = Answer(catalogue, 30m, "Ana Ruiz");
        short90.Shares[2].Percent = null;
        (await RefusedAsync(short90))["Shares"].ShouldBe("The percentages add up to 90 %; they must add up to 100 %.");
        var negative = Answer(catalogue, 30m, "Ana Ruiz");
        negative.Shares[2].Percent = -10m;
        negative.Shares[1].Percent = 80m;
        (await RefusedAsync(negative)).Values.ShouldContain(message => message.EndsWith(": a percentage is between 0 and 100.", StringComparison.Ordinal));
        var empty = Answer(catalogue, 30m, "Ana Ruiz");
        empty.Shares.ForEach(share => share.Percent = null);
        (await RefusedAsync(empty))["Shares"].ShouldStartWith("Give your week's shares");
        var noRole = Answer(catalogue, 30m, "Ana Ruiz");
        noRole.RoleId = null;
        (await RefusedAsync(noRole)).ShouldContainKeyAndValue("RoleId", "Choose your role.");

        (await services.Workshops.BoardAsync(consultant, id)).Value!.AnswerCount.ShouldBe(0);
        var named = await services.Join.AnswerAsync(code, "phone-1", Answer(catalogue, 30m, "  Ana Ruiz ", "ana.ruiz@northwind.test"));
        named.Errors.ShouldBeEmpty();
        var answer = (await services.Workshops.BoardAsync(consultant, id)).Value!.Answers.Single();
        (answer.Label, answer.Email).ShouldBe(("Ana Ruiz", "ana.ruiz@northwind.test"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_join_code_reaches_its_workshop_only_and_other_organisations_see_none_of_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, code) = await OpenAsync(database);
        var contosoConsultant = await database.MemberAsync("Contoso Analytics", MemberRole.Consultant);
        var rep = await database.MemberAsync(DemoOrganization.Name, MemberRole.Rep);

        var view = (await services.Join.FindAsync(code, null)).ShouldNotBeNull();
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            view.Roles.Select(r => r.Name).ShouldBe(await db.SalesRoles.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync());
        }
        (await services.Join.FindAsync("ABCD-EFGH", null)).ShouldBeNull();
        (await services.Join.FindAsync("' OR 1=1 --", null)).ShouldBeNull();
        (await services.Join.FindAsync(new string('A', 5000), null)).ShouldBeNull();

        (await services.Workshops.ListAsync(contosoConsultant)).ShouldBeEmpty();
        (await services.Workshops.BoardAsync(contosoConsultant, id)).Kind.ShouldBe(OutcomeKind.NotFound);
        (await services.Workshops.CloseAsync(contosoConsultant, id)).Kind.ShouldBe(OutcomeKind.NotFound);
        (await services.Workshops.DeleteAsync(contosoConsultant, id)).Kind.ShouldBe(OutcomeKind.NotFound);
        (await services.Workshops.ExportAsync(contosoConsultant, id)).Kind.ShouldBe(OutcomeKind.NotFound);
        (await services.Workshops.BoardAsync(rep, id)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await services.Workshops.CreateAsync(rep, new WorkshopForm { Title = "Mine" })).Kind.ShouldBe(OutcomeKind.Forbidden);

        (await services.Workshops.DeleteAsync(consultant, id)).Succeeded.ShouldBeTrue();
        (await services.Join.FindAsync(code, null)).ShouldBeNull();
        (await services.Join.AnswerAsync(code, "phone-1", new JoinForm())).Kind.ShouldBe(OutcomeKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Opening_closing_revealing_and_deleting_are_audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var (services, consultant, id, _) = await OpenAsync(database);
        (await services.Workshops.RevealAsync(consultant, id, true)).Succeeded.ShouldBeTrue();
        (await services.Workshops.CloseAsync(consultant, id)).Succeeded.ShouldBeTrue();
        (await services.Workshops.DeleteAsync(consultant, id)).Succeeded.ShouldBeTrue();

        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var said = await db.AuditEntries.Where(e => e.EntityType == nameof(WorkshopSession)).OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync();
        said.ShouldBe([
            "opened the workshop “Kick-off”",
            "revealed the answers of the workshop “Kick-off”",
            "closed the workshop “Kick-off”",
            "deleted the workshop “Kick-off”",
        ]);
    }

    [Fact]
    public async Task A_change_on_one_instance_reaches_the_listeners_of_another_through_postgresql()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", demo: false, clock: Clock);
        var one = new WorkshopNotifier(database.Factory, NullLogger<WorkshopNotifier>.Instance);
        var other = new WorkshopNotifier(database.Factory, NullLogger<WorkshopNotifier>.Instance);
        using var listenOne = new WorkshopListener(database.Factory, one, NullLogger<WorkshopListener>.Instance);
        using var listenOther = new WorkshopListener(database.Factory, other, NullLogger<WorkshopListener>.Instance);
        await listenOne.StartAsync(TestContext.Current.CancellationToken);
        await listenOther.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(one.ListensToDatabase && other.ListensToDatabase) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        one.ListensToDatabase.ShouldBeTrue();
        other.ListensToDatabase.ShouldBeTrue();
        var heard = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        other.Changed += id => heard.TrySetResult(id);

        await one.PublishAsync(42, TestContext.Current.CancellationToken);

        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).ShouldBe(42);
        await listenOne.StopAsync(CancellationToken.None);
        await listenOther.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_sqlite_a_change_is_heard_in_process()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: false, clock: Clock);
        var notifier = new WorkshopNotifier(database.Factory, NullLogger<WorkshopNotifier>.Instance);
        using var listener = new WorkshopListener(database.Factory, notifier, NullLogger<WorkshopListener>.Instance);
        await listener.StartAsync(TestContext.Current.CancellationToken);
        var heard = new List<int>();
        notifier.Changed += heard.Add;
        notifier.Changed += _ => throw new InvalidOperationException("a broken page");
        notifier.Changed += heard.Add;

        await notifier.PublishAsync(7, TestContext.Current.CancellationToken);

        notifier.ListensToDatabase.ShouldBeFalse();
        heard.ShouldBe([7, 7]);
        await listener.StopAsync(CancellationToken.None);
    }
}

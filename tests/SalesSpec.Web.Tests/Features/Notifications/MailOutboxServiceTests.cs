using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Notifications;

/// <summary>
/// The background sender of the mail outbox on both databases: it sends and marks sent, retries a refused message
/// after a growing wait and gives up after the last attempt, and two instances racing over the same rows send each
/// message once.
/// </summary>
public sealed class MailOutboxServiceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static async Task<List<OutboxEmail>> QueueAsync(TestDatabase database, MailOutbox outbox, params string[] recipients)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var queued = recipients.Select(to => outbox.Add(db, db.OrganizationScope!.Value, OutboxEmailKind.Reminder,
            new OutgoingEmail(to, $"Please submit your week, {to}", $"Hello {to},\n\nplease submit your week.\n"))).ToList();
        await db.SaveChangesAsync();
        return queued;
    }

    private static async Task<List<OutboxEmail>> RowsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        return await db.OutboxEmails.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_sender_sends_what_is_due_marks_it_sent_and_forgets_its_text(string provider)
    {
        var clock = new SteppingClock(Noon);
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: clock);
        var settings = OutboxWorker.Smtp(smtp);
        var outbox = OutboxWorker.Outbox(settings, clock);
        await QueueAsync(database, outbox, "ana.ruiz@northwind.test", "ben.cole@northwind.test");
        smtp.Messages.ShouldBeEmpty();

        (await OutboxWorker.Service(database, outbox, settings, clock).SendDueAsync()).ShouldBe(2);

        smtp.Messages.Select(m => m.To).ShouldBe(["ana.ruiz@northwind.test", "ben.cole@northwind.test"]);
        smtp.Connections.ShouldBe(1);
        smtp.Messages[0].Message.Subject.ShouldBe("Please submit your week, ana.ruiz@northwind.test");
        smtp.Messages[0].Message.TextBody!.ShouldContain("please submit your week.");
        var rows = await RowsAsync(database);
        rows.ShouldAllBe(e => e.Status == OutboxEmailStatus.Sent && e.SentAt == Noon && e.Attempts == 1
            && e.Body == "" && e.LastError == null && e.ClaimedBy == null && e.ClaimedAt == null);

        // Sent is sent: another pass sends nothing again.
        clock.Advance(TimeSpan.FromHours(1));
        (await OutboxWorker.Service(database, outbox, settings, clock).SendDueAsync()).ShouldBe(0);
        smtp.Messages.Count.ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_refused_message_is_tried_again_after_a_growing_wait_and_marked_failed_after_the_last_attempt(string provider)
    {
        var clock = new SteppingClock(Noon);
        await using var smtp = new FakeSmtpServer(refuse: "gone@northwind.test");
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: clock);
        var settings = OutboxWorker.Smtp(smtp);
        var outbox = OutboxWorker.Outbox(settings, clock);
        await QueueAsync(database, outbox, "gone@northwind.test", "ana.ruiz@northwind.test");
        var worker = OutboxWorker.Service(database, outbox, settings, clock);

        // The first pass sends the good one; the refused one waits 1, 2, 4, then 8 minutes before each next try.
        (await worker.SendDueAsync()).ShouldBe(1);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var refused = (await RowsAsync(database))[0];
            (refused.Status, refused.Attempts).ShouldBe((OutboxEmailStatus.Queued, attempt));
            refused.LastError!.ShouldContain("No such mailbox");
            refused.ClaimedBy.ShouldBeNull();
            refused.Body.ShouldNotBeEmpty();
            var wait = DateTime.SpecifyKind(refused.DueAt, DateTimeKind.Utc) - clock.GetUtcNow().UtcDateTime;
            waits.Add(wait);

            // Not yet due: nothing is tried.
            clock.Advance(wait - TimeSpan.FromSeconds(1));
            (await worker.SendDueAsync()).ShouldBe(0);
            (await RowsAsync(database))[0].Attempts.ShouldBe(attempt);

            clock.Advance(TimeSpan.FromSeconds(1));
            (await worker.SendDueAsync()).ShouldBe(0);
        }
        waits.ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)]);

        var failed = (await RowsAsync(database))[0];
        (failed.Status, failed.Attempts, failed.SentAt, failed.Body).ShouldBe((OutboxEmailStatus.Failed, 5, (DateTimeOffset?)null, ""));
        failed.LastError!.ShouldContain("No such mailbox");
        // Given up is given up: a day later nothing is tried again.
        clock.Advance(TimeSpan.FromDays(1));
        (await worker.SendDueAsync()).ShouldBe(0);
        (await RowsAsync(database))[0].Attempts.ShouldBe(5);
        smtp.Messages.Select(m => m.To).ShouldBe(["ana.ruiz@northwind.test"]);
        // One connection per pass that had something to send: the first and four retries.
        smtp.Connections.ShouldBe(5);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_instances_that_pick_the_same_messages_send_each_of_them_once(string provider)
    {
        var clock = new SteppingClock(Noon);
        var bothPicked = new ClaimRendezvous();
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: clock, bothPicked);
        var settings = OutboxWorker.Smtp(smtp);
        var outbox = OutboxWorker.Outbox(settings, clock);
        var recipients = Enumerable.Range(1, 6).Select(i => $"rep{i}@northwind.test").ToArray();
        await QueueAsync(database, outbox, recipients);
        var a = OutboxWorker.Service(database, outbox, settings, clock, "instance-a");
        var b = OutboxWorker.Service(database, outbox, settings, clock, "instance-b");
        bothPicked.Arm();

        // Each has read the same six due ids before either claims them; the second claims after the first has its batch.
        var sent = await Task.WhenAll(Task.Run(() => a.SendDueAsync()), Task.Run(() => b.SendDueAsync()));

        bothPicked.Met.ShouldBeTrue("both instances should reach the claim before either made it, the second after the first had its batch");
        sent.Order().ShouldBe([0, 6]);
        smtp.Messages.Select(m => m.To).Order().ShouldBe(recipients.Order());
        var rows = await RowsAsync(database);
        rows.ShouldAllBe(e => e.Status == OutboxEmailStatus.Sent && e.Attempts == 1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_claim_left_by_an_instance_that_died_is_taken_over_after_the_lease_and_not_before(string provider)
    {
        var clock = new SteppingClock(Noon);
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: clock);
        var settings = OutboxWorker.Smtp(smtp);
        var outbox = OutboxWorker.Outbox(settings, clock);
        await QueueAsync(database, outbox, "old@northwind.test", "fresh@northwind.test");
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OutboxEmails.Where(e => e.To == "old@northwind.test")
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, "dead 1").SetProperty(e => e.ClaimedAt, now - TimeSpan.FromMinutes(6)));
            await db.OutboxEmails.Where(e => e.To == "fresh@northwind.test")
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, "busy 2").SetProperty(e => e.ClaimedAt, now - TimeSpan.FromMinutes(4)));
        }

        (await OutboxWorker.Service(database, outbox, settings, clock).SendDueAsync()).ShouldBe(1);

        smtp.Messages.Select(m => m.To).ShouldBe(["old@northwind.test"]);
        var rows = await RowsAsync(database);
        rows.Single(e => e.To == "fresh@northwind.test").ShouldSatisfyAllConditions(
            e => e.Status.ShouldBe(OutboxEmailStatus.Queued), e => e.ClaimedBy.ShouldBe("busy 2"));
    }

    [Fact]
    public async Task Running_it_sends_what_was_queued_before_the_start_and_what_a_signal_announces()
    {
        var clock = new SteppingClock(Noon);
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: clock);
        var settings = OutboxWorker.Smtp(smtp);
        var outbox = OutboxWorker.Outbox(settings, clock);
        await QueueAsync(database, outbox, "before@northwind.test");
        // An hour between sweeps: within this test only the start and the signal can send.
        using var service = OutboxWorker.Service(database, outbox, settings, clock, options: new MailOutboxOptions { SweepInterval = TimeSpan.FromHours(1) });

        await service.StartAsync(TestContext.Current.CancellationToken);
        await WaitForAsync(async () => (await RowsAsync(database)).All(e => e.Status == OutboxEmailStatus.Sent));
        await QueueAsync(database, outbox, "after@northwind.test");
        outbox.Signal();
        await WaitForAsync(async () => (await RowsAsync(database)).All(e => e.Status == OutboxEmailStatus.Sent));
        await service.StopAsync(TestContext.Current.CancellationToken);

        smtp.Messages.Select(m => m.To).ShouldBe(["before@northwind.test", "after@northwind.test"]);
        (await RowsAsync(database)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Without_smtp_nothing_is_queued_and_the_sender_does_not_run()
    {
        var clock = new SteppingClock(Noon);
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: clock);
        var outbox = OutboxWorker.Outbox(OutboxWorker.Smtp(null), clock);
        outbox.Sends.ShouldBeFalse();
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        Should.Throw<InvalidOperationException>(() => outbox.Add(db, db.OrganizationScope!.Value, OutboxEmailKind.Reminder, new OutgoingEmail("a@b.test", "s", "b")));

        using var service = OutboxWorker.Service(database, outbox, OutboxWorker.Smtp(null), clock);
        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        service.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue();
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the sender did not send in time");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Forces the interleaving that double-sends without the claim's condition: both instances have picked the same
    /// ids before either claims; then the first claims and reads its batch back, and only then does the second claim.
    /// </summary>
    private sealed class ClaimRendezvous : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstHasItsBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _arrived;

        public bool Met => _second.Task.IsCompletedSuccessfully && _firstHasItsBatch.Task.IsCompletedSuccessfully;

        public void Arm() => Volatile.Write(ref _armed, 1);

        // The claim is the one UPDATE of the outbox that sets ClaimedAt to a value (releasing sets it to NULL).
        private static bool IsClaim(string sql) =>
            sql.StartsWith("UPDATE \"OutboxEmails\"", StringComparison.Ordinal) && sql.Contains("\"ClaimedAt\" = @", StringComparison.Ordinal);

        // Reading a batch back: a SELECT of the outbox by claim.
        private static bool IsReadBack(string sql) =>
            sql.StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("\"ClaimedBy\" = @", StringComparison.Ordinal);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1 && IsClaim(command.CommandText))
            {
                var arrival = Interlocked.Increment(ref _arrived);
                if (arrival == 2)
                {
                    _second.TrySetResult();
                    await Task.WhenAny(_firstHasItsBatch.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                }
                else if (arrival == 1)
                {
                    await Task.WhenAny(_second.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                }
            }
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1 && _second.Task.IsCompleted && IsReadBack(command.CommandText))
            {
                _firstHasItsBatch.TrySetResult();
            }
            return ValueTask.FromResult(result);
        }
    }
}

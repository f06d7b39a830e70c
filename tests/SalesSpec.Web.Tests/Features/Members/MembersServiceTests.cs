using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Members.Services;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Members;

/// <summary>Bulk invitations of people without a login, and role changes in place, on both databases.</summary>
public sealed class MembersServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static MembersService Service(TestDatabase database, SmtpOptions? smtp = null) =>
        new(database.Access, database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(),
            OutboxWorker.Outbox(smtp ?? new SmtpOptions(), Clock), Clock);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task With_smtp_configured_a_bulk_invite_queues_each_link_with_its_invitation_and_the_sender_mails_them_afterwards(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var chosen = (await Service(database).InvitableRepsAsync(admin)).Take(3).ToList();
        await using var smtp = new FakeSmtpServer(refuse: chosen[1].Email);
        var settings = OutboxWorker.Smtp(smtp);
        var service = Service(database, settings);

        var sent = await service.BulkInviteAsync(admin, chosen.Select(r => r.Id).ToList(), secret => $"https://app.test/invitation/{secret}");

        // The request only queued: nothing reached the mail server yet.
        sent.Succeeded.ShouldBeTrue(sent.Message);
        var links = sent.Value!;
        links.ShouldAllBe(s => s.EmailQueued);
        smtp.Connections.ShouldBe(0);
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var invitations = await db.Invitations.Where(i => i.AcceptedAt == null).ToDictionaryAsync(i => i.Email);
            invitations.Keys.Order().ShouldBe(chosen.Select(r => r.Email).Order());
            var queued = await db.OutboxEmails.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            queued.Select(e => e.To).ShouldBe(chosen.Select(r => r.Email));
            foreach (var (email, link) in queued.Zip(links))
            {
                (email.Kind, email.Status, email.Attempts).ShouldBe((OutboxEmailKind.Invitation, OutboxEmailStatus.Queued, 0));
                email.InvitationId.ShouldBe(invitations[email.To].Id);
                email.Body.ShouldContain(link.Link);
            }
        }
        (await service.OpenInvitationsAsync(admin)).Select(i => i.EmailSent?.Text).ShouldBe(["queued", "queued", "queued"]);

        (await OutboxWorker.Service(database, OutboxWorker.Outbox(settings, Clock), settings, Clock).SendDueAsync()).ShouldBe(2);

        smtp.Connections.ShouldBe(1);
        smtp.Messages.Select(m => m.To).ShouldBe([chosen[0].Email, chosen[2].Email]);
        foreach (var (received, link) in smtp.Messages.Zip([links[0], links[2]]))
        {
            received.Message.Subject.ShouldBe($"Join {DemoOrganization.Name} on SalesSpec");
            received.Message.TextBody!.ShouldContain(link.Link);
            received.Message.TextBody!.ShouldContain(link.Name);
        }
        // The Members page reads what became of each: two sent, the refused one waiting for its next try, with the reason.
        var open = (await service.OpenInvitationsAsync(admin)).ToDictionary(i => i.Email);
        open.Count.ShouldBe(3);
        open[chosen[0].Email].EmailSent!.Text.ShouldBe("sent 2026-11-23 12:00 UTC");
        open[chosen[2].Email].EmailSent!.Status.ShouldBe(OutboxEmailStatus.Sent);
        var refused = open[chosen[1].Email].EmailSent!;
        (refused.Status, refused.Attempts).ShouldBe((OutboxEmailStatus.Queued, 1));
        refused.Text.ShouldStartWith("queued, trying again (attempt 1 failed: ");
        refused.Text.ShouldContain("No such mailbox");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bulk_invite_whose_emails_cannot_be_written_keeps_no_invitation_either(string provider)
    {
        var failing = new FailOutboxInsert();
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock, failing);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        await using var smtp = new FakeSmtpServer();
        var service = Service(database, OutboxWorker.Smtp(smtp));
        var chosen = (await service.InvitableRepsAsync(admin)).Take(3).ToList();
        failing.Armed = true;

        await Should.ThrowAsync<DbUpdateException>(() =>
            service.BulkInviteAsync(admin, chosen.Select(r => r.Id).ToList(), secret => $"https://app.test/invitation/{secret}"));

        failing.Failed.ShouldBeTrue("the outbox insert should have been reached");
        failing.Armed = false;
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var emails = chosen.Select(r => r.Email).ToList();
        (await db.Invitations.CountAsync(i => emails.Contains(i.Email))).ShouldBe(0);
        (await db.OutboxEmails.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Invitation))).ShouldBe(0);
        var invitable = (await service.InvitableRepsAsync(admin)).Select(r => r.Id).ToList();
        chosen.ShouldAllBe(r => invitable.Contains(r.Id));
    }

    /// <summary>
    /// Fails the save once the statement that wrote the outbox rows has run: the invitations' rows were written before
    /// it (or by it, when the provider batches them), inside the same transaction.
    /// </summary>
    private sealed class FailOutboxInsert : DbCommandInterceptor
    {
        public volatile bool Armed;

        public volatile bool Failed;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"OutboxEmails\"", StringComparison.Ordinal))
            {
                Failed = true;
                await result.DisposeAsync();
                throw new InvalidOperationException("The outbox could not be written.");
            }
            return result;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bulk_invite_gives_each_chosen_person_their_own_rep_link_and_they_leave_the_list(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var invitable = await service.InvitableRepsAsync(admin);
        // Twenty people; Olivia Patel already logs in as the demo rep.
        invitable.Count.ShouldBe(19);
        invitable.ShouldNotContain(r => r.Email == DemoAccounts.RepEmail);

        var chosen = invitable.Take(3).ToList();
        var sent = await service.BulkInviteAsync(admin, chosen.Select(r => r.Id).ToList(), secret => $"https://app.test/invitation/{secret}");

        sent.Succeeded.ShouldBeTrue(sent.Message);
        sent.Value!.Select(s => s.Email).ShouldBe(chosen.Select(r => r.Email));
        sent.Value!.ShouldAllBe(s => s.Link.StartsWith("https://app.test/invitation/", StringComparison.Ordinal) && !s.EmailQueued);
        sent.Value!.Select(s => s.Link).Distinct().Count().ShouldBe(3);
        (await service.InvitableRepsAsync(admin)).Count.ShouldBe(16);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var invitations = await db.Invitations.Where(i => i.AcceptedAt == null).ToListAsync();
        invitations.Count.ShouldBe(3);
        invitations.ShouldAllBe(i => i.Role == MemberRole.Rep && i.RepId != null);
        // Without SMTP nothing is queued that cannot go, and the open invitations say so.
        (await db.OutboxEmails.CountAsync()).ShouldBe(0);
        (await service.OpenInvitationsAsync(admin)).ShouldAllBe(i => i.EmailSent == null);

        // Chosen again, they are no longer invitable: nothing is sent twice.
        (await service.BulkInviteAsync(admin, chosen.Select(r => r.Id).ToList(), s => s)).Kind.ShouldBe(OutcomeKind.Invalid);
        var leader = await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);
        (await service.BulkInviteAsync(leader, [invitable[5].Id], s => s)).Kind.ShouldBe(OutcomeKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_role_changes_in_place_and_the_last_admin_stays(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var members = await service.MembersAsync(admin);
        var leader = members.Single(m => m.Email == "leader@demo.salesspec");
        var manager = members.Single(m => m.Email == "manager@demo.salesspec");
        var self = members.Single(m => m.Email == "admin@demo.salesspec");
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var teams = await db.Teams.OrderBy(t => t.Name).ToDictionaryAsync(t => t.Name, t => t.Id);

        (await service.ChangeRoleAsync(admin, leader.MembershipId, new RoleAssignment { Role = MemberRole.Manager, TeamIds = [teams["Enterprise"]] }))
            .Succeeded.ShouldBeTrue();
        // The manager keeps Commercial and takes Enterprise too.
        var both = await service.ChangeRoleAsync(admin, manager.MembershipId,
            new RoleAssignment { Role = MemberRole.Manager, TeamIds = [teams["Commercial"], teams["Enterprise"]] });
        both.Succeeded.ShouldBeTrue(both.Message);

        var after = await service.MembersAsync(admin);
        after.Single(m => m.Email == "leader@demo.salesspec").Role.ShouldBe(MemberRole.Manager);
        after.Single(m => m.Email == "leader@demo.salesspec").Teams.ShouldBe(["Enterprise"]);
        after.Single(m => m.Email == "manager@demo.salesspec").Teams.Order().ShouldBe(["Commercial", "Enterprise"]);
        (await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name)).MayReview(teams["Enterprise"]).ShouldBeTrue();

        var demote = await service.ChangeRoleAsync(admin, self.MembershipId, new RoleAssignment { Role = MemberRole.Leader });
        demote.Errors.ShouldBe(["The organisation needs at least one Admin: make someone else Admin first."]);
        (await service.ChangeRoleAsync(admin, manager.MembershipId, new RoleAssignment { Role = MemberRole.Rep }))
            .Errors.ShouldBe(["Choose which rep this person is."]);
        (await service.MembersAsync(admin)).Single(m => m.Email == "admin@demo.salesspec").Role.ShouldBe(MemberRole.Admin);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Members;
using SalesSpec.Web.Features.Notifications;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Members;

/// <summary>Bulk invitations of people without a login, and role changes in place, on both databases.</summary>
public sealed class MembersServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static MembersService Service(TestDatabase database, SmtpOptions? smtp = null) =>
        new(database.Access, database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(),
            new EmailSender(Options.Create(smtp ?? new SmtpOptions())), Clock);

    [Fact]
    public async Task With_smtp_configured_a_bulk_invite_emails_each_link_and_a_refused_address_loses_no_invitation()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var chosen = (await Service(database).InvitableRepsAsync(admin)).Take(3).ToList();
        await using var smtp = new FakeSmtpServer(refuse: chosen[1].Email);
        var service = Service(database, new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false });

        var sent = await service.BulkInviteAsync(admin, chosen.Select(r => r.Id).ToList(), secret => $"https://app.test/invitation/{secret}");

        sent.Succeeded.ShouldBeTrue(sent.Message);
        var links = sent.Value!;
        links.Select(s => s.Emailed).ShouldBe([true, false, true]);
        links[1].EmailError.ShouldNotBeNull();
        (links[0].EmailError, links[2].EmailError).ShouldBe((null, null));
        smtp.Connections.ShouldBe(1);
        smtp.Messages.Select(m => m.To).ShouldBe([chosen[0].Email, chosen[2].Email]);
        foreach (var (received, link) in smtp.Messages.Zip([links[0], links[2]]))
        {
            received.Message.Subject.ShouldBe($"Join {DemoOrganization.Name} on SalesSpec");
            received.Message.TextBody!.ShouldContain(link.Link);
            received.Message.TextBody!.ShouldContain(link.Name);
        }
        // The refused person's invitation exists all the same: their link is shown to copy.
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.Invitations.CountAsync(i => i.AcceptedAt == null)).ShouldBe(3);
        (await db.Invitations.AnyAsync(i => i.Email == chosen[1].Email)).ShouldBeTrue();
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
        sent.Value!.ShouldAllBe(s => s.Link.StartsWith("https://app.test/invitation/", StringComparison.Ordinal) && !s.Emailed);
        sent.Value!.Select(s => s.Link).Distinct().Count().ShouldBe(3);
        (await service.InvitableRepsAsync(admin)).Count.ShouldBe(16);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var invitations = await db.Invitations.Where(i => i.AcceptedAt == null).ToListAsync();
        invitations.Count.ShouldBe(3);
        invitations.ShouldAllBe(i => i.Role == MemberRole.Rep && i.RepId != null);

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

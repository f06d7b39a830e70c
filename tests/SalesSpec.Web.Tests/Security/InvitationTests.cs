using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Members.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>An Admin invites; the invitee sets a password through the link and lands in the organisation. Every step is audited.</summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<MemberAccess> MemberAsync(string email)
    {
        _app.StartServer();
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SalesSpec.Web.Features.Accounts.Services.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user!.Id)], "test"));
        return (await _app.Services.GetRequiredService<OrganizationAccess>().ForAsync(principal, AppFactory.Northwind))!;
    }

    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient client, string secret, string password, string? name = "Nora New")
    {
        var page = await client.GetStringAsync(new Uri($"/invitation/{secret}", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "accept",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        if (name is not null)
        {
            fields["Input.Name"] = name;
        }
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/invitation/{secret}", UriKind.Relative), form);
    }

    [Fact]
    public async Task An_invited_manager_sets_a_password_and_sees_their_team()
    {
        var admin = await MemberAsync("admin@demo.salesspec");
        var members = _app.Services.GetRequiredService<MembersService>();
        int enterprise;
        await using (var db = (await _app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<SalesSpecDbContext>>().CreateDbContextAsync()).ScopeTo(AppFactory.Northwind))
        {
            enterprise = await db.Teams.Where(t => t.Name == "Enterprise").Select(t => t.Id).SingleAsync();
        }

        var invited = await members.InviteAsync(admin, new InviteForm { Email = "Nora@Northwind.test", Role = MemberRole.Manager, TeamIds = [enterprise] });
        invited.Errors.ShouldBeEmpty();
        var secret = invited.Value;
        (await members.OpenInvitationsAsync(admin)).Single().Email.ShouldBe("nora@northwind.test");

        using var client = _app.Client();
        using var accepted = await AcceptAsync(client, secret!, "Nora-2026-pass!");

        // A manager starts on the team week; the overview shows only their team's reps.
        accepted.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe($"/organizations/{AppFactory.Northwind}/team-week");
        var page = await client.GetStringAsync(new Uri($"/organizations/{AppFactory.Northwind}", UriKind.Relative));
        page.ShouldContain("Enterprise");
        page.ShouldNotContain("olivia.patel@northwind.test");
        (await members.MembersAsync(admin)).Single(m => m.Email == "nora@northwind.test").Role.ShouldBe(MemberRole.Manager);
        (await members.OpenInvitationsAsync(admin)).ShouldBeEmpty();

        // The link works once.
        using var stranger = _app.Client();
        (await stranger.GetStringAsync(new Uri($"/invitation/{secret}", UriKind.Relative))).ShouldContain("Invitation not valid");

        // The log tells it in words, by name: no ids, no token hashes.
        var audit = (await _app.Services.GetRequiredService<AuditService>().PageAsync(admin, "nora", 0, 50)).Rows;
        var told = string.Join(Environment.NewLine, audit.Select(a => $"{a.EntityType} {a.Action}: {a.Sentence}"));
        audit.ShouldContain(a => a.EntityType == "Invitation" && a.Action == "Created" && a.Sentence == "Alex Admin invited nora@northwind.test as Manager", told);
        audit.ShouldContain(a => a.EntityType == "Membership" && a.Action == "Created" && a.Who == "Nora New" && a.Summary == "joined as Manager", told);
        audit.ShouldContain(a => a.EntityType == "ManagedTeam" && a.Summary == "became a manager of team Enterprise", told);
        audit.ShouldContain(a => a.EntityType == "Invitation" && a.Action == "Changed" && a.Summary == "accepted the invitation sent to nora@northwind.test", told);
        audit.ShouldAllBe(a => !a.Summary.Contains("TokenHash") && !a.Summary.Contains(admin.UserId));
    }

    [Fact]
    public async Task Only_an_admin_invites_and_reads_the_audit_log()
    {
        var leader = await MemberAsync("leader@demo.salesspec");

        await Should.ThrowAsync<UnauthorizedAccessException>(() =>
            _app.Services.GetRequiredService<MembersService>().InviteAsync(leader, new InviteForm { Email = "x@y.test" }));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => _app.Services.GetRequiredService<AuditService>().PageAsync(leader, null, 0, 50));
        using var client = await _app.SignedInAsync("leader@demo.salesspec");
        (await client.GetStringAsync(new Uri($"/organizations/{AppFactory.Northwind}/members", UriKind.Relative))).ShouldContain("Only an Admin");
        (await client.GetStringAsync(new Uri($"/organizations/{AppFactory.Northwind}/audit", UriKind.Relative))).ShouldContain("Only an Admin");
    }

    [Fact]
    public async Task A_withdrawn_invitation_no_longer_works_and_an_existing_member_is_not_invited_twice()
    {
        var admin = await MemberAsync("admin@demo.salesspec");
        var members = _app.Services.GetRequiredService<MembersService>();
        var secret = (await members.InviteAsync(admin, new InviteForm { Email = "late@northwind.test", Role = MemberRole.Leader })).Value.ShouldNotBeNull();

        await members.RevokeInvitationAsync(admin, (await members.OpenInvitationsAsync(admin)).Single().Id);

        using var client = _app.Client();
        (await client.GetStringAsync(new Uri($"/invitation/{secret}", UriKind.Relative))).ShouldContain("Invitation not valid");
        var twice = await members.InviteAsync(admin, new InviteForm { Email = "LEADER@demo.salesspec", Role = MemberRole.Leader });
        (twice.Kind, twice.Message).ShouldBe((OutcomeKind.Invalid, "leader@demo.salesspec is already a member."));
        (await members.InviteAsync(admin, new InviteForm { Email = "rep@x.test", Role = MemberRole.Rep })).Message.ShouldBe("Choose which rep this person is.");
    }
}

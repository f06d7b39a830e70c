using System.Text.RegularExpressions;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Features.People.Services;
using SalesSpec.Web.Features.Teams;
using SalesSpec.Web.Tests.Features.People;
using SalesSpec.Web.Tests.Features.Teams;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Audit;

/// <summary>The audit log reads as sentences about people and values by name, and pages through everything, on both databases.</summary>
public sealed partial class AuditLogTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static AuditService Audit(TestDatabase database) => new(database.Access);

    private static Task<MemberAccess> AdminAsync(TestDatabase database) => database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Changes_to_people_teams_and_settings_read_as_sentences_by_name(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await AdminAsync(database);
        var people = PeopleServiceTests.Service(database);
        var kara = (await people.PageAsync(admin, new RepQuery("Kara Lopez"))).Items.Single();
        var options = await people.OptionsAsync(admin);
        var marketResponse = options.Roles.Single(r => r.Name == "Market Response Rep");

        var moved = await people.UpdateAsync(admin, kara.Id, new RepEdit
        {
            Name = kara.Name,
            Email = kara.Email,
            RoleId = marketResponse.Id,
            TeamId = kara.TeamId,
            Fte = 0.8m,
            Version = kara.Version,
        });
        moved.Succeeded.ShouldBeTrue(moved.Message);
        var teams = TeamsServiceTests.Service(database);
        var commercial = (await teams.ListAsync(admin)).Single(t => t.Name == "Commercial");
        var renamed = await teams.ChangeAsync(admin, commercial.Id, new TeamChange(commercial.Version, Name: "Commercial East"));
        renamed.Succeeded.ShouldBeTrue(renamed.Message);
        var settingsService = new OrganizationAdminService(database.Access, database.Factory, new OrganizationFormValidator(), Clock);
        var settings = (await settingsService.SettingsAsync(admin)).ShouldNotBeNull();
        settings.ThresholdPercent = 25m;
        (await settingsService.SaveSettingsAsync(admin, settings)).Succeeded.ShouldBeTrue();
        var ben = (await people.PageAsync(admin, new RepQuery("Ben Carter"))).Items.Single();
        var otherTeam = options.Teams.First(t => t.Id != ben.TeamId && t.Name != "Commercial" && !t.Archived);
        var benMoved = await people.UpdateAsync(admin, ben.Id, new RepEdit
        {
            Name = ben.Name,
            Email = ben.Email,
            RoleId = ben.RoleId,
            TeamId = otherTeam.Id,
            TeamFrom = "2026-W50",
            Fte = ben.Fte,
            Version = ben.Version,
        });
        benMoved.Succeeded.ShouldBeTrue(benMoved.Message);

        var log = await Audit(database).PageAsync(admin, null, 0, 50);
        var sentences = log.Rows.Select(r => r.Sentence).ToList();
        sentences.ShouldContain($"Alex Admin moved Kara Lopez from {kara.Role} to Market Response Rep; changed the FTE of Kara Lopez from 1 to 0.8");
        sentences.ShouldContain("Alex Admin renamed team “Commercial” to “Commercial East”");
        sentences.ShouldContain("Alex Admin moved the 80/20 line from 20 % to 25 %");
        // A team change says from which week; newest first.
        log.Rows[0].Summary.ShouldBe($"moved Ben Carter from team {ben.Team} to team {otherTeam.Name} from 2026-W50");
        log.Rows[1].Summary.ShouldBe("moved the 80/20 line from 20 % to 25 %");
        log.Rows.ShouldAllBe(r => !Guid().IsMatch(r.Sentence) && !r.Sentence.Contains('{') && !r.Sentence.Contains("Id:"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_log_pages_through_everything_and_searches_in_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await AdminAsync(database);
        var teams = TeamsServiceTests.Service(database);
        for (var i = 1; i <= 30; i++)
        {
            (await teams.CreateAsync(admin, new TeamForm { Name = $"Squad {i:00}" })).Succeeded.ShouldBeTrue();
        }
        var audit = Audit(database);

        var first = await audit.PageAsync(admin, "squad", 0, 25);
        var second = await audit.PageAsync(admin, "SQUAD", 1, 25);
        (first.Total, first.Rows.Count, second.Total, second.Rows.Count).ShouldBe((30, 25, 30, 5));
        first.Rows[0].Sentence.ShouldBe("Alex Admin created team Squad 30");
        second.Rows[^1].Sentence.ShouldBe("Alex Admin created team Squad 01");
        first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)).ShouldBeEmpty();
        (await audit.PageAsync(admin, "alex admin", 0, 100)).Total.ShouldBeGreaterThanOrEqualTo(30);
        (await audit.PageAsync(admin, "no such change", 0, 25)).Total.ShouldBe(0);
        // A page larger than the limit is cut to it, not refused.
        (await audit.PageAsync(admin, null, 0, 10_000)).Rows.Count.ShouldBeLessThanOrEqualTo(AuditService.MaxPageSize);
    }
}

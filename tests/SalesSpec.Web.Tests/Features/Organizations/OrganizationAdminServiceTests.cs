using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Organizations;

/// <summary>Bringing a client in: create, change, archive and delete organisations, on both databases.</summary>
public sealed class OrganizationAdminServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static OrganizationAdminService Service(TestDatabase database) =>
        new(database.Access, database.Factory, new OrganizationFormValidator(), Clock);

    private static OrganizationForm Fabrikam() => new()
    {
        Name = "Fabrikam Software",
        Template = OrganizationTemplate.ThreeWorkloads,
        ThresholdPercent = 25m,
        StandardWeeklyHours = 38.5m,
        InboundLeadsPerMonth = 240,
        TimeZone = "Europe/Berlin",
        Currency = "EUR",
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_consultant_creates_a_client_organisation_with_its_settings_and_becomes_its_admin(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.PrincipalAsync("consultant@demo.salesspec");

        var created = await Service(database).CreateAsync(consultant, Fabrikam());

        created.Succeeded.ShouldBeTrue(created.Message);
        var membership = (await database.Access.MembershipsAsync(consultant)).Single(m => m.OrganizationId == created.Value);
        membership.Role.ShouldBe(MemberRole.Admin);
        membership.OrganizationName.ShouldBe("Fabrikam Software");
        await using var db = await database.OpenAsync("Fabrikam Software");
        var organization = await db.Organizations.Include(o => o.Roles).Include(o => o.Activities).SingleAsync();
        organization.Template.ShouldBe(OrganizationTemplate.ThreeWorkloads);
        organization.Threshold.ShouldBe(0.25m);
        organization.StandardWeeklyHours.ShouldBe(38.5m);
        organization.InboundLeadsPerMonth.ShouldBe(240);
        organization.TimeZone.ShouldBe("Europe/Berlin");
        organization.Currency.ShouldBe("EUR");
        organization.Roles.Select(r => r.CoreWorkload).ShouldContain(Workload.DemandGeneration);
        organization.Activities.Count(a => a.IsCatchAll).ShouldBe(Enum.GetValues<SalesFunction>().Length);
        // Activities keep the template's order, catch-alls last.
        organization.Activities.OrderBy(a => a.SortOrder).Last().IsCatchAll.ShouldBeTrue();
        organization.Activities.Select(a => a.SortOrder).Distinct().Count().ShouldBe(organization.Activities.Count);
        (await db.AuditEntries.Where(a => a.EntityType == nameof(Organization)).Select(a => a.Summary).SingleAsync())
            .ShouldStartWith("created the organisation Fabrikam Software: Three workloads template, 80/20 line at 25 %");
        (await db.Reps.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leaders_managers_and_reps_cannot_create_organisations_and_bad_settings_are_refused_with_reasons(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        foreach (var email in new[] { "leader@demo.salesspec", "manager@demo.salesspec", "rep@demo.salesspec" })
        {
            var refused = await service.CreateAsync(await database.PrincipalAsync(email), Fabrikam());
            refused.Kind.ShouldBe(OutcomeKind.Forbidden, email);
        }

        var admin = await database.PrincipalAsync("admin@demo.salesspec");
        var bad = Fabrikam();
        bad.Name = "Fabrikam\0";
        bad.ThresholdPercent = 100m;
        bad.StandardWeeklyHours = 0m;
        bad.TimeZone = "Mars/Olympus";
        bad.Currency = "EURO";
        var invalid = await service.CreateAsync(admin, bad);
        invalid.Kind.ShouldBe(OutcomeKind.Invalid);
        invalid.Errors.ShouldBe([
            TextRuleMessage,
            "The 80/20 line is a percentage above 0 and below 100, such as 20.",
            "A standard week is more than 0 and at most 100 hours, such as 40.",
            "'Mars/Olympus' is not a time zone this server knows; choose one from the list, such as Europe/Berlin.",
            "'EURO' is not an ISO 4217 currency code such as USD, EUR or GBP.",
        ]);
        var duplicate = Fabrikam();
        duplicate.Name = "northwind cloud";
        (await service.CreateAsync(admin, duplicate)).Errors.ShouldBe(["You already have an organisation named 'northwind cloud'; choose another name."]);
        await using var db = await database.Factory.CreateDbContextAsync();
        (await db.Organizations.IgnoreQueryFilters().CountAsync()).ShouldBe(2, "nothing was created");
    }

    private const string TextRuleMessage = "Remove the control characters (such as tabs, line breaks or NUL) from this text.";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Settings_change_with_the_version_read_and_a_stale_save_is_refused_without_writing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var read = (await service.SettingsAsync(admin)).ShouldNotBeNull();
        read.ThresholdPercent.ShouldBe(20m);

        var first = Copy(read);
        first.ThresholdPercent = 25m;
        first.TimeZone = "America/New_York";
        var saved = await service.SaveSettingsAsync(admin, first);
        saved.Succeeded.ShouldBeTrue(saved.Message);
        saved.Value!.Version.ShouldBe(read.Version + 1);

        var stale = Copy(read);
        stale.Name = "Northwind Cloud Inc.";
        var refused = await service.SaveSettingsAsync(admin, stale);
        refused.Kind.ShouldBe(OutcomeKind.Conflict);
        refused.Message.ShouldContain("Someone else changed the organisation's settings meanwhile");

        var now = (await service.SettingsAsync(admin)).ShouldNotBeNull();
        now.Name.ShouldBe(DemoOrganization.Name);
        now.Threshold.ShouldBe(0.25m);
        now.TimeZone.ShouldBe("America/New_York");

        var leader = await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);
        (await service.SaveSettingsAsync(leader, Copy(now))).Kind.ShouldBe(OutcomeKind.Forbidden);
        var otherTemplate = Copy(now);
        otherTemplate.Template = OrganizationTemplate.ThreeWorkloads;
        (await service.SaveSettingsAsync(admin, otherTemplate)).Message.ShouldStartWith("The template is chosen when an organisation is created");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_hides_the_published_reference_figures_and_shows_them_again(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var setting = new ReferenceFigureSetting(database.Access);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var leader = await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);
        (await setting.ShownAsync(leader)).ShouldBeTrue("shown unless an Admin hid them");

        var hide = Copy((await service.SettingsAsync(admin)).ShouldNotBeNull());
        hide.ShowsReferenceFigures = false;
        (await service.SaveSettingsAsync(admin, hide)).Succeeded.ShouldBeTrue();
        (await setting.ShownAsync(leader)).ShouldBeFalse();
        (await service.SettingsAsync(admin)).ShouldNotBeNull().ShowsReferenceFigures.ShouldBeFalse();

        var show = Copy((await service.SettingsAsync(admin)).ShouldNotBeNull());
        show.ShowsReferenceFigures = true;
        (await service.SaveSettingsAsync(admin, show)).Succeeded.ShouldBeTrue();
        (await setting.ShownAsync(leader)).ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_archived_organisation_is_read_only_and_hidden_until_restored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var read = (await service.SettingsAsync(admin)).ShouldNotBeNull();

        (await service.SetArchivedAsync(admin, true, read.Version)).Succeeded.ShouldBeTrue();

        var archived = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        archived.IsArchived.ShouldBeTrue();
        archived.May(Permission.SeeAnalysis).ShouldBeTrue("its data stays readable");
        archived.May(Permission.ManagePeople).ShouldBeFalse();
        archived.May(Permission.Import).ShouldBeFalse();
        var rep = await database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name);
        rep.May(Permission.LogOwnWeek).ShouldBeFalse();
        var again = (await service.SettingsAsync(archived)).ShouldNotBeNull();
        again.Name = "Changed while archived";
        (await service.SaveSettingsAsync(archived, again)).Message.ShouldBe("Northwind Cloud is archived: restore it before changing anything.");

        (await service.SetArchivedAsync(archived, false, again.Version)).Succeeded.ShouldBeTrue();
        (await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name)).May(Permission.ManagePeople).ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_takes_the_typed_name_removes_every_row_of_the_organisation_and_is_kept_in_the_system_log(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        int timeLogs;
        await using (var before = await database.OpenAsync(DemoOrganization.Name))
        {
            timeLogs = await before.TimeLogs.CountAsync();
            timeLogs.ShouldBeGreaterThan(0);
        }
        var leader = await database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);
        (await service.DeleteAsync(leader, DemoOrganization.Name)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await service.DeleteAsync(admin, "northwind cloud")).Errors.ShouldBe(["Type the organisation's name exactly (Northwind Cloud) to delete it."]);

        var deleted = await service.DeleteAsync(admin, " Northwind Cloud ");

        deleted.Succeeded.ShouldBeTrue(deleted.Message);
        deleted.Value.ShouldBe(new DeletedOrganization(admin.OrganizationId, DemoOrganization.Name, 20, timeLogs, 5));
        await using var db = await database.Factory.CreateDbContextAsync();
        var id = admin.OrganizationId;
        (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == id)).ShouldBeFalse();
        (await db.Reps.IgnoreQueryFilters().AnyAsync(r => r.OrganizationId == id)).ShouldBeFalse();
        (await db.TimeLogs.IgnoreQueryFilters().AnyAsync(t => t.Rep.OrganizationId == id)).ShouldBeFalse();
        (await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.OrganizationId == id)).ShouldBeFalse();
        (await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.OrganizationId == id)).ShouldBeFalse();
        // The other client is untouched.
        (await db.Reps.IgnoreQueryFilters().CountAsync(r => r.Organization.Name == "Contoso Analytics")).ShouldBeGreaterThan(0);
        var entry = await db.SystemAuditEntries.SingleAsync();
        entry.Summary.ShouldBe($"admin@demo.salesspec deleted Northwind Cloud with 20 people, {timeLogs:N0} time-log rows and 5 members");
        entry.At.ShouldBe(Clock.GetUtcNow());
    }

    private static OrganizationForm Copy(OrganizationForm form) => new()
    {
        Name = form.Name,
        Template = form.Template,
        Threshold = form.Threshold,
        StandardWeeklyHours = form.StandardWeeklyHours,
        InboundLeadsPerMonth = form.InboundLeadsPerMonth,
        HasSimpleSalesProcess = form.HasSimpleSalesProcess,
        SucceedsWithGeneralists = form.SucceedsWithGeneralists,
        ShowsReferenceFigures = form.ShowsReferenceFigures,
        TimeZone = form.TimeZone,
        Currency = form.Currency,
        Version = form.Version,
    };
}

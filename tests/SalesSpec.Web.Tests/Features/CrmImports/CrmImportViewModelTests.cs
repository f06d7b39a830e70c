using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.CrmImports;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Features.Imports;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.CrmImports;

/// <summary>The CRM import page's view model, driven without rendering, on the demo data.</summary>
public sealed class CrmImportViewModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<CrmImportViewModel> OpenAsync(string email = "consultant@demo.salesspec", long maxUploadBytes = 50L * 1024 * 1024)
    {
        var options = Options.Create(new ImportOptions { MaxUploadBytes = maxUploadBytes });
        var validator = new CrmRulesFormValidator();
        var imports = new TimeLogImportService(_database.Access, Clock, NullLogger<TimeLogImportService>.Instance, options);
        var model = new CrmImportViewModel(new CrmRuleService(_database.Access, validator, Clock), new CrmImportService(imports, validator, new CrmLayoutValidator()), options);
        await model.OpenAsync(await _database.MemberOfAsync(email, DemoOrganization.Name), 1);
        return model;
    }

    private static TextBrowserFile Fixture(string name) =>
        new(name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", "salesforce", name)));

    private static TextBrowserFile[] Salesforce() => [Fixture("Task.csv"), Fixture("Event.csv"), Fixture("User.csv")];

    [Fact]
    public async Task Opening_loads_the_default_rules_and_new_reps_join_as_full_cycle_reps()
    {
        await using var model = await OpenAsync();

        model.Ready.ShouldBeTrue();
        model.Rules.ShouldNotBeNull().Version.ShouldBe(0);
        model.Rules.Rules.Count.ShouldBe(CrmRuleSet.DefaultRules.Count);
        model.Role.ShouldBe("Full-Cycle Rep");
        model.Dirty.ShouldBeFalse();
        model.Stale.ShouldBeFalse("there is no preview yet");
    }

    [Fact]
    public async Task A_manager_gets_the_reason_and_no_rules()
    {
        await using var model = await OpenAsync("manager@demo.salesspec");

        model.Ready.ShouldBeFalse();
        model.Rules.ShouldBeNull();
        model.PageError.ShouldBe("Importing data is for Admins, Leaders and Consultants of the organisation.");
    }

    [Fact]
    public async Task Rules_are_added_moved_and_removed_by_index_and_undo_brings_back_the_saved_ones()
    {
        await using var model = await OpenAsync();
        var count = CrmRuleSet.DefaultRules.Count;
        var redraws = 0;
        model.StateChanged += () => redraws++;

        model.Add();

        model.Rules.ShouldNotBeNull().Rules.Count.ShouldBe(count + 1);
        model.Dirty.ShouldBeTrue();
        redraws.ShouldBe(1);
        var added = model.Rules.Rules[count];
        model.Move(count, -1);
        model.Rules.Rules[count - 1].ShouldBeSameAs(added);
        // A click drawn before the list changed: out of range, so nothing moves or goes.
        model.Move(0, -1);
        model.Remove(count + 1);
        model.Rules.Rules.Count.ShouldBe(count + 1);
        model.Remove(count - 1);
        model.Rules.Rules.ShouldNotContain(added);

        await model.UndoAsync();

        model.Rules.Rules.Count.ShouldBe(count);
        model.Dirty.ShouldBeFalse();
    }

    [Fact]
    public async Task A_rule_without_a_condition_before_others_is_refused_then_saved_at_the_end()
    {
        await using var model = await OpenAsync();
        var count = CrmRuleSet.DefaultRules.Count;
        model.Add();
        model.Move(count, -1);

        await model.SaveRulesAsync();

        model.RulesSaved.ShouldBeFalse();
        model.RulesProblems.ShouldContain(p => p.Contains($"Rule {count} has no condition", StringComparison.Ordinal));
        model.Dirty.ShouldBeTrue();

        model.Move(count - 1, 1);
        model.Rules!.Rules[count].Activity = "CRM and admin";
        model.Edited();
        model.RulesProblems.ShouldBeEmpty("an edit clears what was said about the last save");
        await model.SaveRulesAsync();

        model.RulesSaved.ShouldBeTrue();
        model.Rules.Version.ShouldBe(1);
        model.Dirty.ShouldBeFalse();
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.CrmRuleSets.SingleAsync()).Rules[^1].Activity.ShouldBe("CRM and admin");
    }

    [Fact]
    public async Task Resetting_shows_the_defaults_without_saving_them()
    {
        await using var model = await OpenAsync();
        model.Rules!.Rules.Clear();
        model.Edited();

        await model.ResetAsync();

        model.Rules.ShouldNotBeNull().Rules.Count.ShouldBe(CrmRuleSet.DefaultRules.Count);
        model.Dirty.ShouldBeFalse("the saved rules are the defaults");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.CrmRuleSets.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_preview_goes_stale_when_the_role_changes_and_only_a_fresh_one_is_imported()
    {
        await using var model = await OpenAsync();

        await model.ChooseAsync(Salesforce());

        model.Report.ShouldNotBeNull().Import.DryRun.ShouldBeTrue();
        model.FileNames.ShouldBe(["Task.csv", "Event.csv", "User.csv"]);
        model.KindOf("Event.csv").ShouldBe(CrmFileKind.SalesforceEvents);
        model.Busy.ShouldBeNull();
        model.Stale.ShouldBeFalse();

        model.Role = "Account Manager";

        model.Stale.ShouldBeTrue();
        await model.CommitAsync();
        model.Report.Import.DryRun.ShouldBeTrue("a stale preview is not imported");

        await model.PreviewAsync();
        model.Stale.ShouldBeFalse();
        await model.CommitAsync();

        model.Report.Import.Imported.ShouldBeTrue();
        model.FileNames.ShouldBeEmpty("the temporary copies went with the import");
        model.DashboardLink(model.Report.Import.FirstWeek, model.Report.Import.LastWeek).ShouldBe("/organizations/1/dashboard?from=2026-W46&to=2026-W47");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.Reps.Where(r => r.Email == "quinn.harper@northwind.test").Select(r => r.Role.Name).SingleAsync()).ShouldBe("Account Manager");
    }

    [Fact]
    public async Task Files_over_the_limit_together_are_refused_before_they_are_read()
    {
        await using var model = await OpenAsync(maxUploadBytes: 1024 * 1024);
        TextBrowserFile[] files = [new("Task.csv", "", size: 700 * 1024), new("Event.csv", "", size: 700 * 1024)];

        await model.ChooseAsync(files);

        files.ShouldAllBe(f => !f.Opened);
        model.FileNames.ShouldBeEmpty();
        model.UploadError.ShouldBe("The files come to 1.4 MB; an import takes up to 1 MB. Export a shorter period that starts on a Monday, and import all its files together.");
    }

    [Fact]
    public async Task Cancel_drops_the_files_and_the_preview()
    {
        await using var model = await OpenAsync();
        await model.ChooseAsync(Salesforce());

        await model.CancelAsync();

        model.Report.ShouldBeNull();
        model.FileNames.ShouldBeEmpty();
        await model.PreviewAsync();
        model.Report.ShouldBeNull("there are no files left to preview");
    }

    [Fact]
    public async Task A_user_taken_for_an_integration_counts_once_the_consultant_says_they_are_a_person()
    {
        await using var model = await OpenAsync();
        await model.ChooseAsync([new TextBrowserFile("calls.csv",
            "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n" +
            "116574000101,Integration User,2026-11-16 09:00,0:30:00,Cold call Acme\n")]);

        model.Report.ShouldNotBeNull().SystemUsers.ShouldBe([new CrmOwnerCount("Integration User", 1)]);
        model.IsPerson("Integration User").ShouldBeFalse();

        model.CountAsPerson("integration user", true);
        model.Stale.ShouldBeTrue("the preview on screen was made before the choice");
        await model.PreviewAsync();
        model.Report.ShouldNotBeNull().SystemUsers.ShouldBeEmpty();
        model.Report.UnmatchedOwners.ShouldBe([new CrmOwnerCount("Integration User", 1)]);

        model.MapOwner("Integration User", "ivan.tegra@northwind.test");
        await model.PreviewAsync();
        model.Report.ShouldNotBeNull().Reps.Single().Email.ShouldBe("ivan.tegra@northwind.test");
        model.Stale.ShouldBeFalse();
    }
}

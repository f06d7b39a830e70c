using System.Text.RegularExpressions;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Architecture;

/// <summary>
/// The rules docs/development.md gives a newcomer, checked on the source itself so that a change that breaks one
/// fails here with the place to look, instead of in a review.
/// </summary>
public sealed partial class CodebaseRulesTests
{
    private static readonly string Web = Path.Combine(Repository.Root, "src", "SalesSpec.Web");

    private static IEnumerable<string> Sources(params string[] extensions) =>
        Directory.EnumerateFiles(Web, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !Relative(f).StartsWith("bin/", StringComparison.Ordinal)
                && !Relative(f).StartsWith("obj/", StringComparison.Ordinal)
                && !Relative(f).StartsWith("Data/Migrations/", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Web, path).Replace('\\', '/');

    [Fact]
    public void Input_is_validated_only_through_the_validation_pipeline()
    {
        var offenders = Sources(".cs", ".razor")
            .Where(f => !Relative(f).StartsWith("Validation/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Relative(f), Line: i + 1, Text: line)))
            .Where(l => ValidatorCall().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        offenders.ShouldBeEmpty("Validate input with InputValidation (services, endpoints) or ValidatedForm (pages), not by calling a validator or MudForm directly.");
    }

    [Fact]
    public void No_page_is_over_300_lines_with_its_code_behind()
    {
        var pages = Sources(".razor").Where(f => File.ReadLines(f).Any(l => l.StartsWith("@page", StringComparison.Ordinal))).ToList();
        pages.Count.ShouldBeGreaterThan(20);
        var big = pages
            .Select(f => (Page: Relative(f), Lines: File.ReadLines(f).Count() + (File.Exists(f + ".cs") ? File.ReadLines(f + ".cs").Count() : 0)))
            .Where(p => p.Lines > 300)
            .Select(p => $"{p.Page}: {p.Lines} lines")
            .ToList();
        big.ShouldBeEmpty("Split these pages into components and a view model (docs/development.md).");
    }

    [Fact]
    public void Only_the_tenant_filter_is_lifted_and_only_by_name()
    {
        var offenders = Sources(".cs", ".razor")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Relative(f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains(".IgnoreQueryFilters()", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();
        offenders.ShouldBeEmpty("Look across organisations with AcrossOrganizations(), which lifts the tenant filter by name.");
    }

    [Fact]
    public void Organisation_pages_get_their_member_from_OrganizationPage()
    {
        var offenders = Sources(".cs", ".razor")
            .Where(f => !Relative(f).StartsWith("Features/Access/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Access.ForAsync((await AuthenticationState).User", StringComparison.Ordinal))
            .Select(Relative)
            .ToList();
        offenders.ShouldBeEmpty("Inherit OrganizationPage and override OnMemberAsync instead of resolving the member on the page.");
    }

    [Fact]
    public async Task Raw_sql_reaches_an_organisations_tables_only_through_TenantSql()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var owned = SalesSpec.Web.Data.TenantSql.OwnedTables(db.Model).Select(t => $"\"{t}\"").ToList();
        owned.ShouldContain("\"Reps\"");
        var offenders = Sources(".cs")
            .Where(f => Relative(f) != "Data/TenantSql.cs")
            .SelectMany(f => RawSqlCall().Matches(File.ReadAllText(f)).Select(m => (File: Relative(f), Statement: m.Value)))
            .Where(c => owned.Any(t => c.Statement.Contains(t, StringComparison.Ordinal)))
            .Select(c => $"{c.File}: {c.Statement}")
            .ToList();
        offenders.ShouldBeEmpty("Run SQL that reads the organisation's tables with TenantSql, which adds the organisation and refuses a statement without it.");
    }

    // A raw SQL call on EF Core's database facade, up to the end of its statement.
    [GeneratedRegex(@"Database\.(ExecuteSql|SqlQuery)\w*(<[^>]*>)?\([^;]*;")]
    private static partial Regex RawSqlCall();

    // A FluentValidation call (validator.Validate/ValidateAsync) or MudForm's own ValidateAsync on a form reference.
    [GeneratedRegex(@"(\w*[Vv]alidator\.Validate(Async)?\(|_\w*[Ff]orm\w*!?\.ValidateAsync\(\))")]
    private static partial Regex ValidatorCall();
}

using System.Text.Json;
using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>
/// "My week" keeps unsaved edits in the browser's local storage, so they survive a reconnect, a reload or the loss
/// of the server instance; a draft over a week saved since is offered, never applied unasked.
/// </summary>
public sealed class WeekDraftTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(2026, 48);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private MemberAccess _rep = null!;
    private int _demos;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<IValidator<WeekEntry>, WeekEntryValidator>();
        _context.Services.AddSingleton<WeekService>();
        _context.Services.AddSingleton<RepFocusService>();
        _context.Services.AddSingleton(new EmailSender(Options.Create(new SmtpOptions())));
        _context.Services.AddSingleton<MailOutbox>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        _rep = await _database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name);
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        _demos = await db.Activities.Where(a => a.Name == "Demos").Select(a => a.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private string Key => WeekDraft.Key(_rep.UserId, _rep.OrganizationId, _rep.RepId!.Value, ThisWeek);

    private async Task<IRenderedComponent<WeekPage>> MyWeekAsync()
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<WeekPage>(p => p.Add(x => x.OrganizationId, _rep.OrganizationId).Add(x => x.Week, ThisWeek.ToString()));
        await page.WaitForAssertionAsync(() => page.Find("h1").TextContent.ShouldBe("My week"));
        return page;
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Total(IRenderedComponent<WeekPage> page) => page.Find("[data-testid=week-total]").TextContent.Trim();

    private static void Type(IRenderedComponent<WeekPage> page, string activity, string value) =>
        page.Find($"[data-testid=week-line][data-activity='{activity}'] input").Input(value);

    private List<object?[]> Calls(string identifier) =>
        _context.JSInterop.Invocations[identifier].Select(i => i.Arguments.ToArray()).ToList();

    private string Draft(int? version, string demos) =>
        new WeekDraft(version, EntryMode.Hours, new Dictionary<int, string> { [_demos] = demos }, new DateTimeOffset(2026, 11, 23, 16, 5, 0, TimeSpan.Zero)).ToJson();

    [Fact]
    public async Task Typing_keeps_a_draft_in_the_browser_and_saving_removes_it()
    {
        var page = await MyWeekAsync();

        Type(page, "Demos", "12.5");

        await page.WaitForAssertionAsync(() =>
        {
            var calls = Calls("localStorage.setItem");
            calls.ShouldNotBeEmpty();
            var written = calls[^1];
            written[0].ShouldBe(Key);
            var draft = WeekDraft.Read((string)written[1]!).ShouldNotBeNull();
            draft.Cells[_demos].ShouldBe("12.5");
            draft.Version.ShouldBeNull();
        });
        page.Find("[data-testid=kept-in-browser]").TextContent.ShouldContain("kept in this browser");

        await page.Find("[data-testid=save]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Calls("localStorage.removeItem").ShouldContain(call => (string)call[0]! == Key));
        page.FindAll("[data-testid=kept-in-browser]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_of_the_same_version_comes_back_on_opening_the_week_and_can_be_discarded()
    {
        _context.JSInterop.Setup<string?>("localStorage.getItem", Key).SetResult(Draft(version: null, demos: "7,5"));

        var page = await MyWeekAsync();

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe("7.5 h"));
        Words(page.Find("[data-testid=draft-restored]").TextContent).ShouldContain("Your unsaved changes from 23 Nov 16:05 UTC are back");
        page.Find("[data-testid=week-line][data-activity='Demos'] input").GetAttribute("value").ShouldBe("7,5");

        await page.Find("[data-testid=draft-discard]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe("0 h"));
        Calls("localStorage.removeItem").ShouldContain(call => (string)call[0]! == Key);
        page.FindAll("[data-testid=draft-restored]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_over_a_week_saved_since_is_offered_not_applied()
    {
        _context.JSInterop.Setup<string?>("localStorage.getItem", Key).SetResult(Draft(version: 3, demos: "9"));

        var page = await MyWeekAsync();

        await page.WaitForAssertionAsync(() => Words(page.Find("[data-testid=draft-offered]").TextContent).ShouldContain("kept in this browser, but the week was saved since"));
        Total(page).ShouldBe("0 h");
        // Undecided, the kept draft is left alone.
        _context.JSInterop.Invocations["localStorage.removeItem"].ShouldBeEmpty();
        _context.JSInterop.Invocations["localStorage.setItem"].ShouldBeEmpty();

        await page.Find("[data-testid=draft-use]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe("9 h"));
        page.FindAll("[data-testid=draft-offered]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"cells\":null}")]
    public void Anything_else_in_the_storage_is_no_draft(string stored) => WeekDraft.Read(stored).ShouldBeNull();

    [Fact]
    public void A_draft_reads_back_as_written()
    {
        var draft = new WeekDraft(4, EntryMode.Percent, new Dictionary<int, string> { [1] = "50", [2] = "abc" }, DateTimeOffset.UnixEpoch);

        var read = WeekDraft.Read(draft.ToJson()).ShouldNotBeNull();

        read.Version.ShouldBe(4);
        read.Mode.ShouldBe(EntryMode.Percent);
        read.Cells.ShouldBe(draft.Cells);
        JsonDocument.Parse(draft.ToJson()).RootElement.GetProperty("mode").GetString().ShouldBe("Percent");
    }
}

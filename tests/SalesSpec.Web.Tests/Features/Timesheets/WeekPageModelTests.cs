using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>The "My week" view model driven without rendering, on a real SQLite database with the demo data.</summary>
public sealed class WeekPageModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(2026, 48);
    private readonly List<(string Message, MudBlazor.Severity Severity)> _notes = [];
    private TestDatabase _database = null!;
    private MemberAccess _rep = null!;
    private WeekPageModel _model = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _rep = await _database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name);
        _model = new WeekPageModel(new WeekService(_database.Access, new WeekEntryValidator(), Clock), new RepFocusService(_database.Access, Clock),
            new WeekEntryValidator(), (message, severity) => _notes.Add((message, severity)));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task OpenAsync(string? week = null, MemberAccess? member = null) =>
        _model.OpenAsync(member ?? _rep, week, null);

    private WeekEntryLine Line(string activity) => _model.Entry.Lines.Single(l => l.Activity == activity);

    private int Position(string activity) => _model.Entry.Lines.FindIndex(l => l.Activity == activity);

    /// <summary>Types into the activity's cell, as a person does.</summary>
    private void Type(string activity, string text) => _model.Type(Position(activity), text);

    [Fact]
    public async Task Opening_without_a_week_loads_the_reps_current_week_in_hours()
    {
        await OpenAsync();

        _model.Loading.ShouldBeFalse();
        _model.PageError.ShouldBeNull();
        _model.Week.ShouldBe(ThisWeek);
        _model.Title.ShouldBe("My week");
        _model.Entry.Mode.ShouldBe(EntryMode.Hours);
        _model.Focus.ShouldNotBeNull().RepId.ShouldBe(_model.View!.RepId);
        _model.Dirty.ShouldBeFalse();
    }

    [Theory]
    [InlineData(false, "2026-W47", "This organisation does not exist or you have no access to it.")]
    [InlineData(true, "week 47", "'week 47' is not a week; use the form 2026-W47.")]
    public async Task A_missing_member_or_a_bad_week_is_a_page_error(bool member, string week, string error)
    {
        await _model.OpenAsync(member ? _rep : null, week, null);

        _model.PageError.ShouldBe(error);
        _model.View.ShouldBeNull();
        _model.Loading.ShouldBeFalse();
    }

    [Fact]
    public async Task Changes_total_per_function_mark_the_week_dirty_and_flag_their_line()
    {
        await OpenAsync(ThisWeek.ToString());

        Type("Demos", "12");
        Type("Cold calls", "4");
        Type("Discovery calls", "-1");

        _model.Dirty.ShouldBeTrue();
        _model.Entry.TotalHours.ShouldBe(15m);
        _model.FunctionHours(SalesFunction.OutboundProspecting).ShouldBe(4m);
        _model.PercentOfWeek(4m).ShouldBe(" · 27 %");
        _model.LineErrors.Values.ShouldBe(["Discovery calls: cannot be negative."]);
        _model.VisibleLines.ShouldContain(l => l.Line.Activity == "Discovery calls", "a line in error is never folded away");
    }

    [Fact]
    public async Task A_week_entered_in_percent_then_switched_to_hours_saves_as_shown()
    {
        await OpenAsync(ThisWeek.ToString());
        _model.SwitchMode(EntryMode.Percent);
        Type("Demos", "33,33");
        Type("Cold calls", "66.67");

        _model.SwitchMode(EntryMode.Hours);
        await _model.SaveAsync(submit: false);

        // Hours as a person could type them (the API refuses finer typed hours), so the week saves.
        _model.SaveError.ShouldBeNull();
        _model.LineErrors.ShouldBeEmpty();
        Line("Demos").Value.ShouldBe(decimal.Round(Line("Demos").Value!.Value, 2));
        _model.Entry.TotalHours.ShouldBe(_model.View!.CapacityHours, 0.01m);
    }

    [Fact]
    public async Task Saving_with_errors_saves_nothing_and_says_so()
    {
        await OpenAsync(ThisWeek.ToString());
        Type("Demos", "-2");
        Type("Cold calls", "1.123");

        await _model.SaveAsync(submit: false);

        _model.SaveError.ShouldBe("Fix the 2 marked entries first; nothing was saved.");
        // The keyboard goes to the first marked cell; both say why.
        _model.FirstRefused.ShouldBe(Math.Min(Position("Demos"), Position("Cold calls")));
        _model.LineErrors[Position("Demos")].ShouldBe("Demos: cannot be negative.");
        _model.LineErrors[Position("Cold calls")].ShouldBe("Cold calls: at most 2 decimals: 7.55, not 1.123.");
        // A refused cell counts as nothing in the totals, and is never folded away.
        Line("Cold calls").Value.ShouldBeNull();
        _model.VisibleLines.ShouldContain(l => l.Line.Activity == "Cold calls");
        // The keyboard moves there once; the next key press stays where the person is.
        _model.TakeFirstRefused().ShouldNotBeNull();
        _model.TakeFirstRefused().ShouldBeNull();
        _model.View!.Status.ShouldBeNull();
        _notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Enter_saves_a_draft_and_tells_the_rep()
    {
        await OpenAsync(ThisWeek.ToString());
        Type("Demos", "8");

        await _model.KeyAsync("Tab", ctrl: false);
        _model.View!.Status.ShouldBeNull("only Enter saves");
        await _model.KeyAsync("Enter", ctrl: false);

        _model.View!.Status.ShouldBe(TimesheetStatus.Draft);
        _model.Dirty.ShouldBeFalse();
        _notes.ShouldBe([($"Draft of {ThisWeek} saved.", MudBlazor.Severity.Success)]);
    }

    [Fact]
    public async Task Clear_empties_every_line_and_percent_mode_keeps_the_hours()
    {
        await OpenAsync(ThisWeek.ToString());
        Type("Demos", "20");

        _model.SwitchMode(EntryMode.Percent);
        Line("Demos").Value.ShouldBe(50m);
        _model.Entry.TotalHours.ShouldBe(20m);
        _model.Clear();

        _model.Entry.Lines.ShouldAllBe(l => l.Value == null);
        _model.Entry.TotalHours.ShouldBe(0m);
    }

    [Fact]
    public async Task An_added_activity_is_no_longer_folded_away()
    {
        await OpenAsync(ThisWeek.ToString());
        var hidden = _model.HiddenLines;
        hidden.ShouldNotBeEmpty("the demo rep has activities not used lately");

        _model.AddActivity(hidden[0].Line.ActivityId);

        _model.HiddenLines.Count.ShouldBe(hidden.Count - 1);
        _model.VisibleLines.ShouldContain(l => l.Line.ActivityId == hidden[0].Line.ActivityId);
    }
}

using FluentValidation;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Tests.Features.Timesheets;

public sealed class WeekEntryValidatorTests
{
    private readonly WeekEntryValidator _validator = new();

    private static WeekEntry Entry(EntryMode mode, params decimal?[] values) => new()
    {
        Mode = mode,
        CapacityHours = 40m,
        Lines = values.Select((v, i) => new WeekEntryLine { ActivityId = i + 1, Activity = $"Activity {i + 1}", Function = SalesFunction.Closing, Value = v }).ToList(),
    };

    private (string[] Errors, string[] Warnings) Check(WeekEntry entry)
    {
        var result = _validator.Validate(entry);
        return (result.Errors.Where(e => e.Severity == Severity.Error).Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToArray(),
            result.Errors.Where(e => e.Severity == Severity.Warning).Select(e => e.ErrorMessage).ToArray());
    }

    [Fact]
    public void A_normal_week_has_no_errors_and_no_warnings()
    {
        var (errors, warnings) = Check(Entry(EntryMode.Hours, 20m, 12.5m, null, 7.25m));

        errors.ShouldBeEmpty();
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Negative_hours_and_too_many_decimals_are_errors_on_their_cell()
    {
        Check(Entry(EntryMode.Hours, -1m, 2.12345m)).Errors
            .ShouldBe(["Lines[0].Value: Activity 1: cannot be negative.", "Lines[1].Value: Activity 2: at most 4 decimals."]);
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(100.25, true)]
    public void A_week_over_100_hours_is_an_error(decimal second, bool error)
    {
        var (errors, _) = Check(Entry(EntryMode.Hours, 0m, second));

        errors.Any(e => e.StartsWith("TotalHours: A week has at most 100 hours", StringComparison.Ordinal)).ShouldBe(error);
        errors.Any(e => e.StartsWith("Lines[1].Value: Activity 2: a week has at most 100 hours", StringComparison.Ordinal)).ShouldBe(error);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(60.5, true)]
    public void A_week_over_60_hours_is_a_warning_only(decimal hours, bool warned)
    {
        var (errors, warnings) = Check(Entry(EntryMode.Hours, hours));

        errors.ShouldBeEmpty();
        warnings.Length.ShouldBe(warned ? 1 : 0);
    }

    [Fact]
    public void An_empty_week_is_a_warning()
    {
        var (errors, warnings) = Check(Entry(EntryMode.Hours, null, 0m));

        errors.ShouldBeEmpty();
        warnings.ShouldBe(["Nothing is logged for this week: it will count as a missing timesheet."]);
    }

    [Theory]
    [InlineData(50, 50, true)]
    [InlineData(33.33, 66.67, true)]
    [InlineData(50, 45, false)]
    [InlineData(60, 45, false)]
    public void Percentages_must_add_up_to_100(decimal a, decimal b, bool valid)
    {
        var (errors, _) = Check(Entry(EntryMode.Percent, a, b));

        errors.Length.ShouldBe(valid ? 0 : 1);
        if (!valid)
        {
            errors[0].ShouldBe($"TotalPercent: The percentages add up to {a + b:0.##} %; they must add up to 100 %.");
        }
    }

    [Fact]
    public void Switching_to_percent_gives_shares_of_the_standard_week_and_keeps_the_hours()
    {
        var entry = Entry(EntryMode.Hours, 20m, 10m, null);

        entry.SwitchTo(EntryMode.Percent);
        entry.Lines.Select(l => l.Value).ShouldBe([50m, 25m, null]);
        entry.TotalHours.ShouldBe(30m);
        Check(entry).Errors.ShouldBe(["TotalPercent: The percentages add up to 75 %; they must add up to 100 %."], "a short week is not quietly stretched to the standard week");

        entry.SwitchTo(EntryMode.Hours);
        entry.Lines.Select(l => l.Value).ShouldBe([20m, 10m, null]);
    }
}

using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Analysis;

public sealed class AnalysisQueryValidator : AbstractValidator<AnalysisQuery>
{
    public const int MaxWeeks = SalesSpec.Formats.TimeLogCsv.CsvAnalysis.MaxWeeks;

    public AnalysisQueryValidator()
    {
        RuleFor(q => q.From)
            .Must(BeAWeek).When(q => !string.IsNullOrWhiteSpace(q.From))
            .WithMessage("'{PropertyValue}' is not an ISO week (like 2026-W36) or a date (YYYY-MM-DD).")
            .OverridePropertyName("from");
        RuleFor(q => q.To)
            .Must(BeAWeek).When(q => !string.IsNullOrWhiteSpace(q.To))
            .WithMessage("'{PropertyValue}' is not an ISO week (like 2026-W47) or a date (YYYY-MM-DD).")
            .OverridePropertyName("to");
        RuleFor(q => q)
            .Must(q => IsoWeek.Parse(q.From!) <= IsoWeek.Parse(q.To!))
            .When(q => BeAWeek(q.From) && BeAWeek(q.To))
            .OverridePropertyName("from")
            .WithMessage(q => $"The period starts ({IsoWeek.Parse(q.From!)}) after it ends ({IsoWeek.Parse(q.To!)}).");
        RuleFor(q => q)
            .Must(q => IsoWeek.Parse(q.From!).WeeksThrough(IsoWeek.Parse(q.To!)) <= MaxWeeks)
            .When(q => BeAWeek(q.From) && BeAWeek(q.To))
            .OverridePropertyName("to")
            .WithMessage($"A period is at most {MaxWeeks} weeks long.");
        RuleFor(q => q.Team).MaximumLength(100).WithMessage("A team name has at most 100 characters.").OverridePropertyName("team");
        RuleFor(q => q.Line)
            .Must(l => Threshold(l) is not null).When(q => !string.IsNullOrWhiteSpace(q.Line))
            .WithMessage(q => $"'{TextRules.Echo(q.Line)}' is not an 80/20 line: give a percentage above 0 and below 100 with at most two decimals, such as 30.")
            .OverridePropertyName("line");
    }

    /// <summary>
    /// The what-if line of a query as a fraction (30 → 0.30); null when blank or not a line: a percentage above 0 and
    /// below 100 with at most two decimals, the rule of the organisation's own setting.
    /// </summary>
    public static decimal? Threshold(string? line) =>
        decimal.TryParse(line?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
        && percent is > 0m and < 100m && decimal.Round(percent, 2) == percent
            ? percent / 100m
            : null;

    /// <summary>A line as it is written in an address: 0.3 → "30", 0.225 → "22.5".</summary>
    public static string Percent(decimal threshold) => (threshold * 100m).ToString("0.##", CultureInfo.InvariantCulture);

    private static bool BeAWeek(string? text) => IsoWeek.TryParse(text, out _);
}

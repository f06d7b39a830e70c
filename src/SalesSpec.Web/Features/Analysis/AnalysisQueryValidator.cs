using FluentValidation;

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
    }

    private static bool BeAWeek(string? text) => IsoWeek.TryParse(text, out _);
}

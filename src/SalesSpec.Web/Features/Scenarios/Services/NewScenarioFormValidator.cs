using FluentValidation;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Analysis;

namespace SalesSpec.Web.Features.Scenarios.Services;

public sealed class NewScenarioFormValidator : AbstractValidator<NewScenarioForm>
{
    public NewScenarioFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the scenario a name, like \"Inbound team of four\".")
            .MaximumLength(Scenario.MaxNameLength).WithMessage($"A scenario name has at most {Scenario.MaxNameLength} characters.");
        RuleFor(f => f.From).Must(BeAWeek).WithMessage("The period starts with an ISO week, like 2026-W36.");
        RuleFor(f => f.To).Must(BeAWeek).WithMessage("The period ends with an ISO week, like 2026-W47.");
        RuleFor(f => f.To)
            .Must((f, to) => IsoWeek.Parse(f.From) <= IsoWeek.Parse(to))
            .When(f => BeAWeek(f.From) && BeAWeek(f.To))
            .WithMessage("The period ends before it starts.");
        RuleFor(f => f.To)
            .Must((f, to) => IsoWeek.Parse(f.From).WeeksThrough(IsoWeek.Parse(to)) <= Scenario.MaxPeriodWeeks)
            .When(f => BeAWeek(f.From) && BeAWeek(f.To) && IsoWeek.Parse(f.From) <= IsoWeek.Parse(f.To))
            .WithMessage($"A scenario's period is at most {Scenario.MaxPeriodWeeks} weeks (two years) long.");
    }

    private static bool BeAWeek(string? text) => IsoWeek.TryParse(text, out _);
}

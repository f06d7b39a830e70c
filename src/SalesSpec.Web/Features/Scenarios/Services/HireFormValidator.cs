using FluentValidation;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

public sealed class HireFormValidator : AbstractValidator<HireForm>
{
    public HireFormValidator()
    {
        RuleFor(h => h.Role).NotEmpty().WithMessage("Choose the role of the new people.");
        RuleFor(h => h.Count).InclusiveBetween(1, Scenario.MaxHireCount)
            .WithMessage($"Add 1 to {Scenario.MaxHireCount} people at a time.");
        RuleFor(h => h.StartMonth).InclusiveBetween(1, ScenarioModel.Months)
            .WithMessage($"They start in month 1 to {ScenarioModel.Months} of the plan.");
    }
}

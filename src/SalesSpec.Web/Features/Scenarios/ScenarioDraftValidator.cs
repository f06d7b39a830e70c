using FluentValidation;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>What a save must satisfy, in the words the board shows; the roles are checked against the organisation's when saving.</summary>
public sealed class ScenarioDraftValidator : AbstractValidator<ScenarioDraft>
{
    public ScenarioDraftValidator()
    {
        RuleFor(d => d.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the scenario a name.")
            .MaximumLength(Scenario.MaxNameLength).WithMessage($"A scenario name has at most {Scenario.MaxNameLength} characters.");
        RuleFor(d => d.Notes).MaximumLength(Scenario.MaxNotesLength).WithMessage($"Notes have at most {Scenario.MaxNotesLength} characters.");
        RuleFor(d => d.Roles.Count).LessThanOrEqualTo(Scenario.MaxMoves).WithMessage($"At most {Scenario.MaxMoves} reps can change role in one scenario.");
        RuleFor(d => d.Hires.Count).LessThanOrEqualTo(Scenario.MaxHireLines).WithMessage($"At most {Scenario.MaxHireLines} lines of new people.");
        RuleForEach(d => d.Hires).ChildRules(hire =>
        {
            hire.RuleFor(h => h.Role).NotEmpty().WithMessage("Every line of new people needs a role.");
            hire.RuleFor(h => h.Count).InclusiveBetween(1, Scenario.MaxHireCount).WithMessage($"A line of new people adds 1 to {Scenario.MaxHireCount}.");
            hire.RuleFor(h => h.StartMonth).InclusiveBetween(0, ScenarioModel.Months - 1).WithMessage($"New people start in month 1 to {ScenarioModel.Months}.");
        });
        RuleForEach(d => d.HandOffs).Must(h => h.Value.Trim().Length is > 0 and <= HandOffEdge.MaxLabelLength)
            .WithMessage($"A hand-off point has 1 to {HandOffEdge.MaxLabelLength} characters.");
    }
}

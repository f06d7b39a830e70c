using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Roles.Services;

public sealed class NewRoleValidator : AbstractValidator<NewRole>
{
    public NewRoleValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name the role.")
            .Must(n => n.Trim().Length <= 100).WithMessage("A role's name has at most 100 characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
        RuleFor(r => r.CoreWorkload).IsInEnum().WithMessage("Choose the role's core workload.");
        // The same bounds as editing a role's cost and ramp.
        RuleFor(r => r.AnnualLoadedCost).InclusiveBetween(0m, RoleSettingValidator.MaxAnnualCost)
            .WithMessage($"The annual loaded cost is 0 to {RoleSettingValidator.MaxAnnualCost:N0}.");
        RuleFor(r => r.RampMonths).InclusiveBetween(0, Role.MaxRampMonths)
            .WithMessage($"The ramp is 0 to {Role.MaxRampMonths} months.");
    }
}

using FluentValidation;

namespace SalesSpec.Web.Features.Roles.Services;

public sealed class RoleSettingValidator : AbstractValidator<RoleSetting>
{
    public const decimal MaxAnnualCost = 10_000_000m;

    public RoleSettingValidator()
    {
        RuleFor(r => r.AnnualLoadedCost).InclusiveBetween(0m, MaxAnnualCost)
            .WithMessage(r => $"{r.Name}: the annual loaded cost is 0 to {MaxAnnualCost:N0}.");
        RuleFor(r => r.RampMonths).InclusiveBetween(0, Role.MaxRampMonths)
            .WithMessage(r => $"{r.Name}: the ramp is 0 to {Role.MaxRampMonths} months.");
    }
}

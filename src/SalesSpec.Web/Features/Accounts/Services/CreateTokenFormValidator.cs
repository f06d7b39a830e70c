using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class CreateTokenFormValidator : AbstractValidator<CreateTokenForm>
{
    public CreateTokenFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Name the token after the script that uses it.")
            .MaximumLength(100).WithMessage("A token name has at most 100 characters.");
        RuleFor(f => f.Days).InclusiveBetween(1, PersonalAccessTokenService.MaxDays)
            .WithMessage($"A token lives 1 to {PersonalAccessTokenService.MaxDays} days.");
    }
}

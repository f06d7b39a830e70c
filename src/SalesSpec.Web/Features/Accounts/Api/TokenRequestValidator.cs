using FluentValidation;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Accounts.Api;

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("email is required.").EmailAddress().WithMessage("email is not a valid email address.")
            .OverridePropertyName("email");
        RuleFor(r => r.Password).NotEmpty().WithMessage("password is required.").OverridePropertyName("password");
        RuleFor(r => r.Name).MaximumLength(100).WithMessage("name has at most 100 characters.").OverridePropertyName("name");
        RuleFor(r => r.Days).InclusiveBetween(1, PersonalAccessTokenService.MaxDays)
            .WithMessage($"days is between 1 and {PersonalAccessTokenService.MaxDays}.").OverridePropertyName("days");
    }
}

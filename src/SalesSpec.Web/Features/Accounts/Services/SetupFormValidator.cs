using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class SetupFormValidator : AbstractValidator<SetupForm>
{
    public SetupFormValidator()
    {
        RuleFor(f => f.OrganizationName).NotEmpty().WithMessage("Name your organisation.").MaximumLength(200);
        RuleFor(f => f.Template).IsInEnum();
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter your name.").MaximumLength(200);
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like ana@example.com.").MaximumLength(254);
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(8).WithMessage("Passwords have at least 8 characters.")
            .MaximumLength(PasswordLengthValidator.MaxLength).WithMessage($"Passwords have at most {PasswordLengthValidator.MaxLength} characters.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords differ.");
    }
}

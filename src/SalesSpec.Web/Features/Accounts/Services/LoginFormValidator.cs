using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like ana@example.com.")
            .MaximumLength(254);
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(PasswordLengthValidator.MaxLength).WithMessage($"Passwords have at most {PasswordLengthValidator.MaxLength} characters.");
    }
}

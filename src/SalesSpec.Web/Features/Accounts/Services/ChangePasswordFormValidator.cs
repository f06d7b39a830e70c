using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password.")
            .MaximumLength(PasswordLengthValidator.MaxLength).WithMessage($"Passwords have at most {PasswordLengthValidator.MaxLength} characters.");
        RuleFor(f => f.NewPassword).Cascade(CascadeMode.Stop).NewPassword()
            .NotEqual(f => f.CurrentPassword).WithMessage("Choose a password different from your current one.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two new passwords differ.");
    }
}

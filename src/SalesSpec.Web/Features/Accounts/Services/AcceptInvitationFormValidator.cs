using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class AcceptInvitationFormValidator : AbstractValidator<AcceptInvitationForm>
{
    public AcceptInvitationFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter a password.")
            .MaximumLength(PasswordLengthValidator.MaxLength).WithMessage($"Passwords have at most {PasswordLengthValidator.MaxLength} characters.");
        When(f => f.IsNewUser, () =>
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Enter your name.").MaximumLength(200);
            RuleFor(f => f.Password).MinimumLength(8).WithMessage("Passwords have at least 8 characters.");
            RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords differ.");
        });
    }
}

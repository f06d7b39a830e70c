using FluentValidation;
using SalesSpec.Domain.Access;

namespace SalesSpec.Web.Features.Members;

public sealed class InviteFormValidator : AbstractValidator<InviteForm>
{
    public InviteFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the person's email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like ana@example.com.").MaximumLength(254);
        RuleFor(f => f.Role).IsInEnum();
        RuleFor(f => f.RepId).NotNull().When(f => f.Role == MemberRole.Rep).WithMessage("Choose which rep this person is.");
        RuleFor(f => f.TeamIds).NotEmpty().When(f => f.Role == MemberRole.Manager).WithMessage("Choose the teams this manager manages.");
    }
}

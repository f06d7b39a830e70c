using FluentValidation;

namespace SalesSpec.Web.Features.Members.Services;

public sealed class InviteFormValidator : AbstractValidator<InviteForm>
{
    public InviteFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the person's email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like ana@example.com.").MaximumLength(254);
        Include(new RoleAssignmentValidator());
    }
}

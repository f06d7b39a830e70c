using FluentValidation;

namespace SalesSpec.Web.Features.Members.Services;

public sealed class RoleAssignmentValidator : AbstractValidator<RoleAssignment>
{
    public RoleAssignmentValidator()
    {
        RuleFor(f => f.Role).IsInEnum().WithMessage("Choose a role: Admin, Leader, Manager, Rep or Consultant.");
        RuleFor(f => f.RepId).NotNull().When(f => f.Role == MemberRole.Rep).WithMessage("Choose which rep this person is.");
        RuleFor(f => f.TeamIds).NotEmpty().When(f => f.Role == MemberRole.Manager).WithMessage("Choose the teams this manager manages.");
    }
}

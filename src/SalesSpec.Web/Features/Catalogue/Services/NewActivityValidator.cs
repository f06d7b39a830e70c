using FluentValidation;

namespace SalesSpec.Web.Features.Catalogue.Services;

public sealed class NewActivityValidator : AbstractValidator<NewActivity>
{
    public NewActivityValidator()
    {
        RuleFor(a => a.Name).Cascade(CascadeMode.Stop).IsActivityName();
        RuleFor(a => a.Function).IsInEnum().WithMessage("Choose the function the activity counts for.");
    }
}

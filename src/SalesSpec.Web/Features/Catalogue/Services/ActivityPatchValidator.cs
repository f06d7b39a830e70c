using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Catalogue.Services;

public sealed class ActivityPatchValidator : AbstractValidator<ActivityPatch>
{
    public ActivityPatchValidator()
    {
        RuleFor(p => p.Version).NotNull().WithMessage("Send the version you read (GET the catalogue first).");
        RuleFor(p => p.Name).Cascade(CascadeMode.Stop).IsActivityName().When(p => p.Name is not null);
        RuleFor(p => p.SortOrder).GreaterThanOrEqualTo(0).WithMessage("A position in the catalogue is 0 (first) or more.");
        RuleFor(p => p.Function).IsInEnum().WithMessage("Choose the function the activity counts for.");
        RuleFor(p => p.FromWeek)
            .Must(w => IsoWeek.TryParse(w, out _)).When(p => !string.IsNullOrWhiteSpace(p.FromWeek))
            .WithMessage(p => $"'{TextRules.Echo(p.FromWeek)}' is not an ISO week such as 2026-W49.");
        RuleFor(p => p.FromWeek).Empty().When(p => p.Function is null)
            .WithMessage("A week to start from goes with a new function.");
        RuleFor(p => p.SuccessorName).Cascade(CascadeMode.Stop).IsActivityName().When(p => !string.IsNullOrWhiteSpace(p.SuccessorName));
        RuleFor(p => p.SuccessorName).Empty().When(p => !p.StartsSuccessor)
            .WithMessage("A successor's name goes with a new function from a week on.");
        RuleFor(p => p).Must(p => p.Name is null && p.SortOrder is null && p.Archived is null).When(p => p.StartsSuccessor)
            .WithName("request").WithMessage("Change the function from a week on in a request of its own: the activity is archived and a successor takes its place.");
    }
}

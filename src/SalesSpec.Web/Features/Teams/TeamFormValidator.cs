using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Teams;

/// <summary>The input rules for a team's name, shared by the teams page, the service and the API.</summary>
public sealed class TeamFormValidator : AbstractValidator<TeamForm>
{
    public const int MaxNameLength = 100;

    public TeamFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name the team.")
            .Must(n => n.Trim().Length <= MaxNameLength).WithMessage($"A team's name has at most {MaxNameLength} characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
    }
}

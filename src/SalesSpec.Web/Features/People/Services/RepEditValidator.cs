using FluentValidation;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.TeamHistory;

namespace SalesSpec.Web.Features.People.Services;

/// <summary>The one set of input rules for a person's details: the people grid, the service and the API all use it.</summary>
public sealed class RepEditValidator : AbstractValidator<RepEdit>
{
    public const int MaxNameLength = 200;

    /// <summary>The domain's bound (<c>Rep.SetFte</c>): up to one and a half of a full-time job.</summary>
    public const decimal MaxFte = 1.5m;

    public const string FteMessage = "FTE is more than 0 and at most 1.5, such as 1 for full time or 0.5 for half time.";

    public RepEditValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the person's name.")
            .Must(n => n.Trim().Length <= MaxNameLength).WithMessage($"A name has at most {MaxNameLength} characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Give the person's email.")
            .Must(e => EmailAddress.TryNormalize(e, out _))
            .WithMessage(r => $"'{TextRules.Echo(r.Email)}' is not an email address such as ana.ruiz@example.com.");
        RuleFor(r => r.RoleId).NotNull().WithMessage("Choose a role.");
        RuleFor(r => r.TeamId).GreaterThan(0).When(r => r.TeamId is not null).WithMessage("Choose a team from the list, or none.");
        RuleFor(r => r.TeamFrom).Must(EffectiveWeek.IsValid).WithMessage(r => EffectiveWeek.Message(r.TeamFrom));
        RuleFor(r => r.Fte).Cascade(CascadeMode.Stop)
            .GreaterThan(0m).WithMessage(FteMessage)
            .LessThanOrEqualTo(MaxFte).WithMessage(FteMessage)
            .Must(f => decimal.Round(f, 2) == f).WithMessage("Give the FTE with at most two decimals, such as 0.75.");
    }
}

using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>The rules of an activity's name, shared by adding, renaming and naming a successor (after <c>Cascade(CascadeMode.Stop)</c>).</summary>
internal static class ActivityNames
{
    public static IRuleBuilderOptions<T, string?> IsActivityName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name the activity.")
            .Must(n => n!.Trim().Length <= Activity.MaxNameLength).WithMessage($"An activity's name has at most {Activity.MaxNameLength} characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
}

using FluentValidation;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// The rules a new password meets, as the validators state them; Identity checks the same (length, character
/// kinds) when it saves, so a form never promises what the store refuses.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(MinLength).WithMessage($"Passwords have at least {MinLength} characters.")
            .MaximumLength(PasswordLengthValidator.MaxLength).WithMessage($"Passwords have at most {PasswordLengthValidator.MaxLength} characters.")
            .Matches("[a-z]").WithMessage("Passwords have at least one lower-case letter.")
            .Matches("[A-Z]").WithMessage("Passwords have at least one upper-case letter.")
            .Matches("[0-9]").WithMessage("Passwords have at least one digit.")
            .Matches("[^a-zA-Z0-9]").WithMessage("Passwords have at least one symbol, such as ! or #.");
}

using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>Identity has a minimum length but no maximum; very long passwords only cost hashing time.</summary>
internal sealed class PasswordLengthValidator : IPasswordValidator<ApplicationUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords have at most {MaxLength} characters." })
            : IdentityResult.Success);
}

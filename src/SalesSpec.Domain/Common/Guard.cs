using System.Net.Mail;

namespace SalesSpec.Domain.Common;

internal static class Guard
{
    public static string Name(string? value, string what, int maxLength = 200)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException($"{what} is required.");
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{what} must be at most {maxLength} characters (got {trimmed.Length}).");
        }
        return trimmed;
    }

    public static string Email(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("Email is required.");
        }
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainRuleException($"'{trimmed}' is not a valid email address.");
        }
        // Emails identify reps case-insensitively; storing them lower-case keeps one index and one comparison.
        return trimmed.ToLowerInvariant();
    }
}

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
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException("Email is required.");
        }
        return EmailAddress.TryNormalize(value, out var normalized)
            ? normalized
            : throw new DomainRuleException($"'{value.Trim()}' is not a valid email address.");
    }
}

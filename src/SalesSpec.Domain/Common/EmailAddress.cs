using System.Net.Mail;

namespace SalesSpec.Domain.Common;

public static class EmailAddress
{
    /// <summary>A plain address (no display name), trimmed and lower-cased: reps are matched case-insensitively.</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        normalized = trimmed.ToLowerInvariant();
        return true;
    }
}

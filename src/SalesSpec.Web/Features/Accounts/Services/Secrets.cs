using System.Security.Cryptography;
using System.Text;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>Random secrets for links and tokens, and the hash that is stored in their place.</summary>
public static class Secrets
{
    /// <summary>32 random bytes, URL-safe base64, after an optional prefix.</summary>
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256, hex: enough for high-entropy secrets, which need no salt or slow hash.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

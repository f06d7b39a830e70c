namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>An API token of a user, carrying the user's rights. Only a hash of the secret is stored.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the secret, so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>Creates, lists, checks and revokes API tokens. The secret is shown once; only its hash is kept.</summary>
public sealed class PersonalAccessTokenService(IDbContextFactory<SalesSpecDbContext> contextFactory, TimeProvider clock)
{
    public const string SecretPrefix = "ss_";
    public const int DefaultDays = 30;
    public const int MaxDays = 365;

    public async Task<(PersonalAccessToken Token, string Secret)> CreateAsync(string userId, string name, int days, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A token lives 1 to {MaxDays} days.");
        }
        var secret = Secrets.New(SecretPrefix);
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "API token" : name.Trim(),
            TokenHash = Secrets.Hash(secret),
            Prefix = secret[..10],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task<IReadOnlyList<PersonalAccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's own tokens; false when there is no such token of theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user id behind a live token, or null. Looked up on every request, so a revocation counts at once.</summary>
    public async Task<string?> FindUserAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return token.UserId;
    }

}

using System.Collections.Concurrent;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// Starts, checks and ends browser sessions. The database is the truth (several app instances share it); each
/// instance trusts an "active" answer for <see cref="CacheFor"/> so that a page's many requests cost one lookup.
/// An end on this instance counts at once; one on another instance counts here within <see cref="CacheFor"/>.
/// </summary>
public sealed class UserSessionService(IDbContextFactory<SalesSpecDbContext> contextFactory, TimeProvider clock)
{
    public const string ClaimType = "salesspec:session";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    // Last seen is a hint for the person, not an audit: written at most this often per session.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    // Elapsed time for the cache comes from the machine's monotonic clock: the app's clock may be pinned (tests).
    private readonly ConcurrentDictionary<Guid, (string UserId, long CheckedAt)> _active = new();

    public async Task<Guid> StartAsync(string userId, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var agent = userAgent ?? "";
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = agent.Length > UserSession.MaxUserAgentLength ? agent[..UserSession.MaxUserAgentLength] : agent,
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>The session id a signed-in principal carries, if any.</summary>
    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Whether the principal's session is live; a principal without one (an older cookie) is not.</summary>
    public Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return SessionId(principal) is { } id && userId is not null ? IsActiveAsync(id, userId, cancellationToken) : Task.FromResult(false);
    }

    public async Task<bool> IsActiveAsync(Guid id, string userId, CancellationToken cancellationToken = default)
    {
        if (_active.TryGetValue(id, out var known) && known.UserId == userId && TimeProvider.System.GetElapsedTime(known.CheckedAt) < CacheFor)
        {
            return true;
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || session.UserId != userId || session.EndedAt is not null)
        {
            _active.TryRemove(id, out _);
            return false;
        }
        var now = clock.GetUtcNow();
        if (now - session.LastSeenAt >= TouchEvery)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        Remember(id, userId);
        return true;
    }

    /// <summary>The user's live sessions, most recently seen first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset column, and a person has a handful of sessions.
        return [.. sessions.OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)];
    }

    /// <summary>Ends one session of the user (sign-out).</summary>
    public async Task EndAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken);
        // After the update, so that a check racing with it cannot leave the session cached as live.
        _active.TryRemove(id, out _);
    }

    /// <summary>Ends all of the user's sessions but <paramref name="except"/> (sign out everywhere, a changed password).</summary>
    public async Task<int> EndAllAsync(string userId, Guid? except = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken);
        foreach (var (id, known) in _active)
        {
            if (known.UserId == userId && id != except)
            {
                _active.TryRemove(id, out _);
            }
        }
        return ended;
    }

    private void Remember(Guid id, string userId)
    {
        // Stale entries only cost memory; drop them when the map grows large.
        if (_active.Count > 10_000)
        {
            foreach (var (key, known) in _active)
            {
                if (TimeProvider.System.GetElapsedTime(known.CheckedAt) >= CacheFor)
                {
                    _active.TryRemove(key, out _);
                }
            }
        }
        _active[id] = (userId, TimeProvider.System.GetTimestamp());
    }
}

using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Profile;

/// <summary>The decimal mark a person chose on their profile, overriding the one their browser's language implies.</summary>
public sealed class NumberPreferenceService(IDbContextFactory<SalesSpecDbContext> contextFactory)
{
    /// <summary>The marks a person may choose; null follows the browser.</summary>
    public static readonly IReadOnlyList<string> Marks = [".", ","];

    public async Task<string?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DecimalMark).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the choice: ".", "," or null (the browser's language).</summary>
    public async Task<Outcome<string?>> SetAsync(string userId, string? mark, CancellationToken cancellationToken = default)
    {
        if (mark is not null && !Marks.Contains(mark))
        {
            return Outcome.Invalid<string?>($"'{mark}' is not a decimal mark; choose a point (7.5), a comma (7,5), or your browser's language.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Set<ApplicationUser>().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome.NotFound<string?>("There is no such account.");
        }
        user.DecimalMark = mark;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(mark);
    }
}

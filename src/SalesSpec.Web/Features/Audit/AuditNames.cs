namespace SalesSpec.Web.Features.Audit;

/// <summary>
/// The names an audit sentence needs (people, teams, roles, activities, users), looked up once per save:
/// first among the rows the save itself touches (a new team has no row yet), then in the database.
/// </summary>
internal sealed class AuditNames(SalesSpecDbContext db)
{
    private readonly Dictionary<(Type, string), string> _known = [];

    /// <summary>Whether the user is the one making the change: "joined", not "gave Nora access", when Nora accepts.</summary>
    public bool IsActor(string? userId) => userId is not null && userId == db.ActorUserId;

    public Task<string> RepAsync(int? id) => NameAsync<Rep>(id, r => r.Name, "someone no longer listed");

    public Task<string> TeamAsync(int? id) =>
        id is null ? Task.FromResult("no team") : NameAsync<Team>(id, t => t.Name, "a deleted team", "team ");

    public Task<string> RoleAsync(int? id) => NameAsync<Role>(id, r => r.Name, "a deleted role");

    public async Task<string> ActivityAsync(int? id) =>
        Labels.OfActivity(await NameAsync<Activity>(id, a => a.Name, "a deleted activity"));

    /// <summary>A user as people know them: their display name, else their e-mail.</summary>
    public async Task<string> UserAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return "someone";
        }
        if (_known.TryGetValue((typeof(string), userId), out var known))
        {
            return known;
        }
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync();
        var name = user is null ? "a removed user" : string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "a user" : user.DisplayName;
        _known[(typeof(string), userId)] = name;
        return name;
    }

    /// <summary>The week a team change saved with this rep takes effect, from the history row it adds; null if none.</summary>
    public DateOnly? TeamMoveWeek(int repId) =>
        db.ChangeTracker.Entries<RepTeamAssignment>()
            .Where(e => e.State == EntityState.Added && e.Entity.RepId == repId && !e.Entity.StartsAtBeginning)
            .Select(e => (DateOnly?)e.Entity.FromWeek)
            .Max();

    /// <summary>The member behind a membership id (a manager's team rows carry only that).</summary>
    public async Task<string> MemberAsync(int membershipId)
    {
        var userId = await MemberUserIdAsync(membershipId);
        return await UserAsync(userId);
    }

    public async Task<string?> MemberUserIdAsync(int membershipId)
    {
        var tracked = db.ChangeTracker.Entries<Membership>().FirstOrDefault(e => KeyOf(e) == membershipId)?.Entity.UserId;
        return tracked ?? await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.UserId).FirstOrDefaultAsync();
    }

    // A row added in this save has a temporary key in the change tracker, not yet on the object: read the tracker's.
    private static int? KeyOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Property("Id").CurrentValue as int?;

    private async Task<string> NameAsync<T>(int? id, System.Linq.Expressions.Expression<Func<T, string>> name, string missing, string prefix = "")
        where T : class
    {
        if (id is not { } value)
        {
            return missing;
        }
        var cacheKey = (typeof(T), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_known.TryGetValue(cacheKey, out var known))
        {
            return known;
        }
        var read = name.Compile();
        var tracked = db.ChangeTracker.Entries<T>().FirstOrDefault(e => KeyOf(e) == value);
        string? found = tracked is not null ? read(tracked.Entity) : null;
        if (found is null)
        {
            // A row of another organisation never matches: the query filters of the save's own organisation apply.
            found = await db.Set<T>().Where(ById<T>(value)).Select(name).FirstOrDefaultAsync();
        }
        var text = found is null ? missing : prefix + found;
        _known[cacheKey] = text;
        return text;
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> ById<T>(int id) where T : class =>
        e => EF.Property<int>(e, "Id") == id;
}

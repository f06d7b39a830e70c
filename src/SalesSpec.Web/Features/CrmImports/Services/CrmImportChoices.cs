using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>What the consultant decided about one import's files: how to read ambiguous dates, who the unknown owners are, which users are people, which column is what.</summary>
public sealed record CrmImportChoices
{
    public CrmDateOrder? DateOrder { get; init; }

    /// <summary>Owner as the file writes it → the rep (an existing rep's email, or a new rep's email and name).</summary>
    public IReadOnlyDictionary<string, CrmOwner> OwnerMap { get; init; } = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase);

    /// <summary>User (email or name) → true: a person whose records count; false: a system user, skipped.</summary>
    public IReadOnlyDictionary<string, bool> UserOverrides { get; init; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The layout of columns mapped or named for this import's files (<see cref="CrmExportOptions.Layout"/>).</summary>
    public CrmLayout? Layout { get; init; }

    /// <summary>The organisation's saved layouts, latest first: a file not recognised is read through the first that fits.</summary>
    public IReadOnlyList<CrmLayout> SavedLayouts { get; init; } = [];

    /// <summary>These choices over <paramref name="remembered"/> ones: what is said now wins, owner by owner.</summary>
    public CrmImportChoices Over(CrmImportChoices remembered)
    {
        ArgumentNullException.ThrowIfNull(remembered);
        var owners = new Dictionary<string, CrmOwner>(remembered.OwnerMap, StringComparer.OrdinalIgnoreCase);
        foreach (var (owner, rep) in OwnerMap)
        {
            owners[owner] = rep;
        }
        var users = new Dictionary<string, bool>(remembered.UserOverrides, StringComparer.OrdinalIgnoreCase);
        foreach (var (user, person) in UserOverrides)
        {
            users[user] = person;
        }
        return this with { OwnerMap = owners, UserOverrides = users, SavedLayouts = remembered.SavedLayouts };
    }
}

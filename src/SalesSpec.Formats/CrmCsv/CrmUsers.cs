using System.Text.RegularExpressions;
using SalesSpec.Domain.Common;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// Who owns the activities: CRM users by id (Salesforce's 15- and 18-character forms alike) and by name,
/// from users files; then the organisation's reps by name; an email written in the owner value wins.
/// </summary>
internal sealed partial class CrmUsers(IReadOnlyDictionary<string, string> repsByName)
{
    private readonly Dictionary<string, (string Email, string? Name)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Email, string? Name)> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sharedNames = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byId.Count;

    public void Add(string id, string email, string? name)
    {
        if (id.Length == 0 || !EmailAddress.TryNormalize(email, out var normalized))
        {
            // Integration and system users often have no usable address; their records show up as unknown owners.
            return;
        }
        _byId.TryAdd(id, (normalized, name));
        if (id.Length == 18)
        {
            _byId.TryAdd(id[..15], (normalized, name));
        }
        if (!string.IsNullOrWhiteSpace(name) && !_byName.TryAdd(name.Trim(), (normalized, name.Trim())) && _byName[name.Trim()].Email != normalized)
        {
            // Two users of one name: a record naming only that name could be either, so it matches neither.
            _sharedNames.Add(name.Trim());
        }
    }

    /// <summary>The owner's email and name, or null when nobody matches.</summary>
    public (string Email, string? Name)? Resolve(string owner)
    {
        if (owner.Length == 0)
        {
            return null;
        }
        if (EmailIn().Match(owner) is { Success: true } match && EmailAddress.TryNormalize(match.Value, out var email))
        {
            // "Jane Doe (jane@example.com)" or "Jane Doe <jane@example.com>" or the bare address.
            var name = owner[..match.Index].Trim().TrimEnd('(', '<').Trim();
            return (email, name.Length == 0 ? null : name);
        }
        if (_byId.TryGetValue(owner, out var user) || owner.Length == 18 && _byId.TryGetValue(owner[..15], out user) || !_sharedNames.Contains(owner) && _byName.TryGetValue(owner, out user))
        {
            return user;
        }
        return repsByName.TryGetValue(owner, out var repEmail) ? (repEmail, owner) : null;
    }

    [GeneratedRegex(@"[^\s()<>,;""]+@[^\s()<>,;""]+")]
    private static partial Regex EmailIn();
}

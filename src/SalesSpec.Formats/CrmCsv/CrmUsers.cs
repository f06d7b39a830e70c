using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesSpec.Domain.Common;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// Who owns the activities, in this order: the consultant's own mapping; an email written in the owner value; CRM users
/// by id (Salesforce's 15- and 18-character forms alike) and by name, from users files; then the organisation's reps by
/// name, ignoring case and accents. Integration, automation and "Chatter Expert" users are recognised (by a
/// non-standard user type or profile, else by name) so that they never become reps; the consultant can say otherwise.
/// </summary>
internal sealed partial class CrmUsers
{
    private static readonly string[] SystemNames = ["integration user", "automated process", "chatter expert", "platform integration"];

    private readonly Dictionary<string, CrmUser> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CrmUser> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sharedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _repsByName = new(StringComparer.Ordinal);
    private readonly CrmExportOptions _options;

    public CrmUsers(CrmExportOptions options)
    {
        _options = options;
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, email) in options.RepsByName)
        {
            var key = Fold(name);
            if (!_repsByName.TryAdd(key, email) && !string.Equals(_repsByName[key], email, StringComparison.OrdinalIgnoreCase))
            {
                shared.Add(key);
            }
        }
        // Two reps whose names differ only in accents or case: a record naming either could be the other.
        foreach (var key in shared)
        {
            _repsByName.Remove(key);
        }
    }

    public int Count => _byId.Count;

    /// <param name="id">The user's id in the CRM.</param>
    /// <param name="type">Salesforce's UserType (Standard for people), when the file has it.</param>
    /// <param name="profile">The user's profile name, when the file has it.</param>
    /// <param name="active">false when the file says the user is inactive.</param>
    public void Add(string id, string email, string? name, string type = "", string profile = "", string username = "", bool active = true)
    {
        var looksSystem = type.Length > 0 && !type.Equals("Standard", StringComparison.OrdinalIgnoreCase)
            || profile.Contains("integration", StringComparison.OrdinalIgnoreCase)
            || profile.Contains("chatter", StringComparison.OrdinalIgnoreCase)
            || username.Contains("integration", StringComparison.OrdinalIgnoreCase)
            || IsSystemName(name);
        if (id.Length == 0)
        {
            return;
        }
        var normalized = EmailAddress.TryNormalize(email, out var address) ? address : null;
        var label = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var isSystem = Override(normalized, label) ?? looksSystem;
        if (normalized is null && !isSystem)
        {
            // A person without a usable address cannot be keyed as a rep; their records show up as unknown owners.
            return;
        }
        var user = new CrmUser(normalized ?? "", label ?? (normalized is null ? id : null), isSystem, !active);
        _byId.TryAdd(id, user);
        if (id.Length == 18)
        {
            _byId.TryAdd(id[..15], user);
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            var key = Fold(name);
            if (!_byName.TryAdd(key, user) && _byName[key].Email != user.Email)
            {
                // Two users of one name: a record naming only that name could be either, so it matches neither.
                _sharedNames.Add(key);
            }
        }
    }

    /// <summary>Who the owner value is, or null when nobody matches.</summary>
    public CrmUser? Resolve(string owner)
    {
        if (owner.Length == 0)
        {
            return null;
        }
        if (_options.OwnerMap.TryGetValue(owner, out var mapped))
        {
            return new CrmUser(mapped.Email, mapped.Name ?? owner, false, false);
        }
        if (EmailIn().Match(owner) is { Success: true } match && EmailAddress.TryNormalize(match.Value, out var email))
        {
            // "Jane Doe (jane@example.com)" or "Jane Doe <jane@example.com>" or the bare address.
            var name = owner[..match.Index].Trim().TrimEnd('(', '<').Trim();
            return new CrmUser(email, name.Length == 0 ? null : name, Override(email, name) ?? IsSystemName(name), false);
        }
        var key = Fold(owner);
        if (_byId.TryGetValue(owner, out var user) || owner.Length == 18 && _byId.TryGetValue(owner[..15], out user) || !_sharedNames.Contains(key) && _byName.TryGetValue(key, out user))
        {
            return user;
        }
        if (Override(null, owner) ?? IsSystemName(owner))
        {
            return new CrmUser("", owner, true, false);
        }
        return _repsByName.TryGetValue(key, out var repEmail) ? new CrmUser(repEmail, owner, false, false) : null;
    }

    /// <summary>"Björn  Nyström" → "bjorn nystrom": case, accents and doubled spaces do not tell two people apart.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }
            if (space)
            {
                text.Append(' ');
                space = false;
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    private bool? Override(string? email, string? name)
    {
        if (email is not null && _options.UserOverrides.TryGetValue(email, out var byEmail))
        {
            return !byEmail;
        }
        return !string.IsNullOrWhiteSpace(name) && _options.UserOverrides.TryGetValue(name.Trim(), out var byName) ? !byName : null;
    }

    private static bool IsSystemName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && SystemNames.Any(s => Fold(name).Contains(s, StringComparison.Ordinal));

    [GeneratedRegex(@"[^\s()<>,;""]+@[^\s()<>,;""]+")]
    private static partial Regex EmailIn();
}

/// <summary>A resolved owner: the rep's email (empty for a system user without one), the name to show, and what the CRM says of them.</summary>
internal sealed record CrmUser(string Email, string? Name, bool IsSystem, bool IsInactive);

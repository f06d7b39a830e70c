namespace SalesSpec.Domain.Crm;

/// <summary>
/// One line of the ordered rule list: when a record meets every condition given, it is booked on
/// <see cref="Activity"/>. A condition left empty matches anything.
/// </summary>
/// <param name="Type">The record's type, or null for any.</param>
/// <param name="AttachedTo">What the record must be attached to (one kind), or null for anything.</param>
/// <param name="Keywords">Any one of them in the subject (case-insensitive); empty for any subject.</param>
/// <param name="Activity">The organisation's activity the record's time goes to.</param>
public sealed record ClassificationRule(CrmActivityType? Type, CrmLink? AttachedTo, IReadOnlyList<string> Keywords, string Activity)
{
    /// <summary>
    /// Any one of them is the record's direction, outcome or status (<c>inbound</c>, <c>connected</c>, <c>no show</c>),
    /// ignoring case, spaces, dashes and underscores; empty for any.
    /// </summary>
    public IReadOnlyList<string> States { get; init; } = [];

    public bool Matches(CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Type is { } type && record.Type != type)
        {
            return false;
        }
        if (AttachedTo is { } link && (record.Links & link) == 0)
        {
            return false;
        }
        if (States.Count > 0 && !States.Select(CrmText.Plain)
                .Any(s => s.Length > 0 && (s == CrmText.Plain(record.Direction) || s == CrmText.Plain(record.Outcome) || s == CrmText.Plain(record.Status))))
        {
            return false;
        }
        return Keywords.Count == 0
            || Keywords.Any(k => record.Subject.Contains(k.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The rule in words, for previews and the audit log: "Meeting · attached to Opportunity · subject has demo".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Type is { } type)
        {
            parts.Add(type.ToString());
        }
        if (AttachedTo is { } link)
        {
            parts.Add($"attached to {link}");
        }
        if (States.Count > 0)
        {
            parts.Add($"direction, outcome or status is {string.Join(" or ", States.Select(s => $"\"{s}\""))}");
        }
        if (Keywords.Count > 0)
        {
            parts.Add($"subject has {string.Join(" or ", Keywords.Select(k => $"\"{k}\""))}");
        }
        return parts.Count == 0 ? "any record" : string.Join(" · ", parts);
    }
}

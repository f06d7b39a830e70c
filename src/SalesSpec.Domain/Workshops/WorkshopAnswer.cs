using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Workshops;

/// <summary>
/// One person's answer in a workshop: their typical week as percentages per activity of the organisation's
/// catalogue, with their role and team. One per device (the join page's cookie), changed until the session closes.
/// Named sessions keep a name and an optional email; anonymous ones optional initials only.
/// </summary>
public sealed class WorkshopAnswer
{
    public const int MaxNameLength = 100;
    public const int MaxInitialsLength = 3;
    public const int MaxEmailLength = 254;

    /// <summary>How far the shares may add up from 100 %, as on "My week" (rounding of thirds).</summary>
    public const decimal PercentTolerance = 0.1m;

    private readonly List<WorkshopShare> _shares = [];

    private WorkshopAnswer()
    {
        Device = "";
    }

    public WorkshopAnswer(WorkshopSession session, string device, DateTimeOffset now)
    {
        session.EnsureOpen(now);
        SessionId = session.Id;
        OrganizationId = session.OrganizationId;
        Device = Guard.Name(device, "Device", 64);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    /// <summary>The session's organisation, kept on the answer so that it sits behind the same tenant filter.</summary>
    public int OrganizationId { get; private set; }

    /// <summary>A digest of the device's cookie: one answer per device, found again when the phone comes back.</summary>
    public string Device { get; private set; }

    public string? Name { get; private set; }

    public string? Initials { get; private set; }

    public string? Email { get; private set; }

    public int RoleId { get; private set; }

    public int? TeamId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<WorkshopShare> Shares => _shares;

    /// <summary>
    /// Records (or replaces) the answer. The session must be open; the person is named in named sessions, by
    /// initials at most in anonymous ones; the shares are of distinct activities, each 0–100 %, adding up to 100 %.
    /// </summary>
    public void Answer(WorkshopSession session, string? name, string? email, int roleId, int? teamId,
        IReadOnlyList<(int ActivityId, decimal Percent)> shares, DateTimeOffset now)
    {
        if (session.Id != SessionId)
        {
            throw new DomainRuleException("The answer belongs to another workshop.");
        }
        session.EnsureOpen(now);
        if (session.IsAnonymous)
        {
            Name = null;
            Email = null;
            Initials = InitialsOf(name);
        }
        else
        {
            Name = Guard.Name(name, "Name", MaxNameLength);
            Initials = InitialsOf(Name);
            Email = string.IsNullOrWhiteSpace(email) ? null : Guard.Email(email);
        }
        RoleId = roleId;
        TeamId = teamId;
        SetShares(shares);
        UpdatedAt = now;
    }

    /// <summary>"Ana María Ruiz" → "AMR"; "ar" → "AR"; at most three letters; nothing given → null.</summary>
    public static string? InitialsOf(string? name)
    {
        var words = (name ?? "").Split([' ', '-', '.', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }
        var initials = words.Length == 1 && words[0].Length <= MaxInitialsLength
            ? words[0]
            : string.Concat(words.Select(word => word[0]));
        var letters = new string(initials.Where(char.IsLetterOrDigit).Take(MaxInitialsLength).ToArray()).ToUpperInvariant();
        return letters.Length == 0 ? null : letters;
    }

    private void SetShares(IReadOnlyList<(int ActivityId, decimal Percent)> shares)
    {
        if (shares.Select(share => share.ActivityId).Distinct().Count() != shares.Count)
        {
            throw new DomainRuleException("Each activity may appear only once in an answer.");
        }
        if (shares.Any(share => share.Percent is < 0m or > 100m))
        {
            throw new DomainRuleException("A percentage is between 0 and 100.");
        }
        var total = shares.Sum(share => share.Percent);
        if (Math.Abs(total - 100m) > PercentTolerance)
        {
            throw new DomainRuleException($"The percentages add up to {total:0.##} %; they must add up to 100 %.");
        }
        _shares.Clear();
        _shares.AddRange(shares.Where(share => share.Percent > 0m).Select(share => new WorkshopShare(share.ActivityId, share.Percent)));
    }
}

/// <summary>The share of a typical week one answer gives to one activity, in percent.</summary>
public sealed class WorkshopShare
{
    private WorkshopShare()
    {
    }

    internal WorkshopShare(int activityId, decimal percent)
    {
        ActivityId = activityId;
        Percent = percent;
    }

    public int Id { get; private set; }

    public int AnswerId { get; private set; }

    public int ActivityId { get; private set; }

    public decimal Percent { get; private set; }
}

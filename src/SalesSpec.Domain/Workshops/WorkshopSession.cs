using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Workshops;

/// <summary>
/// A restructuring workshop in the room: people answer "where did your last typical week go?" on their phones by a
/// join code, and the projector shows the analysis of their answers as they come in. Open until closed or until it
/// expires (7 days after it was opened); closed sessions take no answers and can be reopened before they expire.
/// </summary>
public sealed class WorkshopSession : IVersioned
{
    public const int MaxTitleLength = 100;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private WorkshopSession()
    {
        Title = "";
        Code = "";
        CreatedBy = "";
    }

    public WorkshopSession(int organizationId, string title, int? teamId, bool anonymous, JoinCode code, string createdBy, DateTimeOffset now)
    {
        if (code.Value is null)
        {
            throw new DomainRuleException("A workshop needs a join code.");
        }
        OrganizationId = organizationId;
        Title = Guard.Name(title, "Title", MaxTitleLength);
        TeamId = teamId;
        IsAnonymous = anonymous;
        Code = code.Value;
        CreatedBy = Guard.Name(createdBy, "The person opening the workshop", 450);
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The team the workshop is for (answers default to it); null for the whole organisation.</summary>
    public int? TeamId { get; private set; }

    /// <summary>Anonymous sessions ask for no name, only optional initials, and show initials only.</summary>
    public bool IsAnonymous { get; private set; }

    /// <summary>The join code's characters (<see cref="JoinCode"/>), unique among all sessions.</summary>
    public string Code { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Whether the projector shows the answers and the analysis (the room answers first, then sees).</summary>
    public bool IsRevealed { get; private set; }

    /// <summary>Raised on every saved change, so a save based on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public JoinCode JoinCode => JoinCode.Parse(Code);

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Whether answers are taken: not closed and not expired.</summary>
    public bool IsOpen(DateTimeOffset now) => ClosedAt is null && !IsExpired(now);

    public void Rename(string title) => Title = Guard.Name(title, "Title", MaxTitleLength);

    public void Close(DateTimeOffset now)
    {
        if (ClosedAt is null)
        {
            ClosedAt = now;
        }
    }

    public void Reopen(DateTimeOffset now)
    {
        if (IsExpired(now))
        {
            throw new DomainRuleException($"The workshop expired on {ExpiresAt:yyyy-MM-dd HH:mm} UTC; open a new one.");
        }
        ClosedAt = null;
    }

    public void Reveal(bool revealed) => IsRevealed = revealed;

    /// <summary>Refuses an answer when the session takes none, with the words the phone shows.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        if (IsExpired(now))
        {
            throw new DomainRuleException("This workshop has ended: answers are no longer taken.");
        }
        if (ClosedAt is not null)
        {
            throw new DomainRuleException("This workshop is closed: answers are no longer taken.");
        }
    }
}

using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Timesheets;

/// <summary>
/// The review state of one rep's ISO week: draft, submitted, approved (and then locked) or rejected.
/// The hours themselves are <see cref="TimeLogs.TimeLog"/> rows; this is the week they belong to.
/// </summary>
public sealed class Timesheet
{
    public const int MaxCommentLength = 1000;

    private Timesheet()
    {
        Rep = null!;
    }

    public int Id { get; private set; }

    public int RepId { get; private set; }

    public Rep Rep { get; private set; }

    /// <summary>The Monday of the ISO week.</summary>
    public DateOnly WeekStart { get; private set; }

    public IsoWeek Week => IsoWeek.FromMonday(WeekStart);

    public TimesheetStatus Status { get; private set; }

    /// <summary>
    /// Goes up with every change. Saves carry the version they started from, so a second tab or
    /// a second person working on the same week gets a conflict instead of overwriting.
    /// </summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The reviewer's name as shown to the rep.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>The reviewer's comment, kept after a rejected week is edited so the rep can still read it.</summary>
    public string? ReviewComment { get; private set; }

    public bool IsLocked => Status == TimesheetStatus.Approved;

    public static Timesheet Start(Rep rep, IsoWeek week, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return new Timesheet { Rep = rep, RepId = rep.Id, WeekStart = week.Monday, Status = TimesheetStatus.Draft, Version = 1, UpdatedAt = now };
    }

    /// <summary>For writes where the rep is known only by id.</summary>
    public static Timesheet Start(int repId, IsoWeek week, DateTimeOffset now)
    {
        if (repId <= 0)
        {
            throw new DomainRuleException("A timesheet needs a saved rep.");
        }
        return new Timesheet { RepId = repId, WeekStart = week.Monday, Status = TimesheetStatus.Draft, Version = 1, UpdatedAt = now };
    }

    /// <summary>The hours changed. A submitted or rejected week goes back to draft: it must be submitted again.</summary>
    public void RecordEdit(DateTimeOffset now)
    {
        EnsureNotApproved("changed");
        Status = TimesheetStatus.Draft;
        Touch(now);
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureNotApproved("submitted again");
        if (Status == TimesheetStatus.Submitted)
        {
            throw new DomainRuleException($"Week {Week} is already submitted and waits for review.");
        }
        Status = TimesheetStatus.Submitted;
        SubmittedAt = now;
        Touch(now);
    }

    public void Approve(string reviewer, DateTimeOffset now)
    {
        EnsureSubmitted("approved");
        Status = TimesheetStatus.Approved;
        Review(reviewer, null, now);
    }

    public void Reject(string reviewer, string comment, DateTimeOffset now)
    {
        EnsureSubmitted("rejected");
        var text = comment?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new DomainRuleException("Say why the week is rejected, so the rep knows what to fix.");
        }
        if (text.Length > MaxCommentLength)
        {
            throw new DomainRuleException($"The comment must be at most {MaxCommentLength} characters (got {text.Length}).");
        }
        Status = TimesheetStatus.Rejected;
        Review(reviewer, text, now);
    }

    /// <summary>A reviewer takes back an approval, e.g. to correct a mistake; the week is a draft again.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (Status != TimesheetStatus.Approved)
        {
            throw new DomainRuleException($"Week {Week} is not approved, so there is nothing to reopen.");
        }
        Status = TimesheetStatus.Draft;
        Touch(now);
    }

    private void Review(string reviewer, string? comment, DateTimeOffset now)
    {
        ReviewedBy = Guard.Name(reviewer, "Reviewer");
        ReviewedAt = now;
        ReviewComment = comment;
        Touch(now);
    }

    private void EnsureSubmitted(string what)
    {
        if (Status != TimesheetStatus.Submitted)
        {
            throw new DomainRuleException($"Only a submitted week can be {what}; week {Week} is {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void EnsureNotApproved(string what)
    {
        if (Status == TimesheetStatus.Approved)
        {
            throw new DomainRuleException($"Week {Week} is approved and locked; it cannot be {what}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

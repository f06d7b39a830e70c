using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.TimeLogs;

/// <summary>Hours one rep spent on one activity in one ISO week.</summary>
public sealed class TimeLog
{
    public const decimal MaxHoursPerWeek = 100m;
    public const int MaxDecimals = 4;

    private TimeLog()
    {
        Rep = null!;
        Activity = null!;
    }

    public long Id { get; private set; }

    public int RepId { get; private set; }

    public Rep Rep { get; private set; }

    public int ActivityId { get; private set; }

    public Activity Activity { get; private set; }

    /// <summary>The Monday of the ISO week.</summary>
    public DateOnly WeekStart { get; private set; }

    public decimal Hours { get; private set; }

    public IsoWeek Week => IsoWeek.FromMonday(WeekStart);

    public static TimeLog Create(Rep rep, Activity activity, IsoWeek week, decimal hours)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(activity);
        var sameOrganization = ReferenceEquals(rep.Organization, activity.Organization)
            || (rep.OrganizationId != 0 && rep.OrganizationId == activity.OrganizationId);
        if (!sameOrganization)
        {
            throw new DomainRuleException($"Activity '{activity.Name}' belongs to another organisation than rep {rep.Email}.");
        }
        var log = new TimeLog { Rep = rep, RepId = rep.Id, Activity = activity, ActivityId = activity.Id, WeekStart = week.Monday };
        log.ChangeHours(hours);
        return log;
    }

    /// <summary>For bulk writes where the rep and activity are known only by id.</summary>
    public static TimeLog Create(int repId, int activityId, IsoWeek week, decimal hours)
    {
        if (repId <= 0 || activityId <= 0)
        {
            throw new DomainRuleException("A time log needs a saved rep and activity.");
        }
        var log = new TimeLog { RepId = repId, ActivityId = activityId, WeekStart = week.Monday };
        log.ChangeHours(hours);
        return log;
    }

    public static TimeLog Create(Rep rep, Activity activity, DateOnly weekStart, decimal hours) =>
        Create(rep, activity, IsoWeek.FromMonday(weekStart), hours);

    public void ChangeHours(decimal hours)
    {
        if (hours < 0m)
        {
            throw new DomainRuleException($"Hours cannot be negative; got {hours}.");
        }
        if (hours > MaxHoursPerWeek)
        {
            throw new DomainRuleException($"A week has at most {MaxHoursPerWeek} logged hours; got {hours}.");
        }
        if (decimal.Round(hours, MaxDecimals) != hours)
        {
            throw new DomainRuleException($"Hours have at most {MaxDecimals} decimals; got {hours}.");
        }
        Hours = hours;
    }
}

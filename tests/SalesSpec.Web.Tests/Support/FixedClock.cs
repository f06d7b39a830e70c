namespace SalesSpec.Web.Tests.Support;

/// <summary>A clock stopped at noon UTC of one day, so "last week" is the same on every run.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public static readonly DateOnly Monday23November2026 = new(2026, 11, 23);

    public DateOnly Today { get; } = today;

    public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

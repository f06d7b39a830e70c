namespace SalesSpec.E2E;

/// <summary>
/// The app's clock in the browser tests: it starts at noon UTC of a fixed day and runs at real speed from
/// there. The demo data is built relative to "today" and the fixtures name absolute weeks, so the app must
/// see the same today on every run, whatever the calendar says; time still moves, so lockouts and
/// timestamps behave as they do for users.
/// </summary>
public sealed class PinnedClock(DateOnly today) : TimeProvider
{
    /// <summary>The day the fixtures were written for: its last complete week is 2026-W47.</summary>
    public static readonly DateOnly Monday23November2026 = new(2026, 11, 23);

    private readonly DateTimeOffset _start = new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_started);
}

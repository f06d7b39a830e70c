namespace SalesSpec.Web.Tests.Support;

/// <summary>A clock that stands still until the test moves it on (retries that wait minutes, leases that run out).</summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

namespace SalesSpec.E2E.Scaling;

/// <summary>
/// The journeys that start several real app processes (and HAProxy or phones beside them) run alone, with no other
/// test at the same time: two of them together on a two-core machine starve each other, and a failover or a live
/// update then waits on the scheduler instead of on the app.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeveralInstances
{
    public const string Name = "Several app instances";
}

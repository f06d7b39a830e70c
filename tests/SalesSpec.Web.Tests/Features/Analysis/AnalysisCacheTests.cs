using System.Buffers;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Domain.Access;
using SalesSpec.Formats.AnalysisJson;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Setup;
using SalesSpec.Web.Tests.Support;
using StackExchange.Redis;

namespace SalesSpec.Web.Tests.Features.Analysis;

/// <summary>
/// The analysis cache as two app instances behind a load balancer use it: each has its own memory, both share the
/// real Redis the test command starts. One computes, the other reads it; a saved week reaches both.
/// </summary>
public sealed class AnalysisCacheTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    /// <summary>One app instance's cache, wired as the app wires it, with Redis as its shared level.</summary>
    private static ServiceProvider Instance(string prefix) =>
        new ServiceCollection()
            .AddSalesSpecCache(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [CacheSetup.RedisSetting] = RedisServer.Address,
                [CacheSetup.RedisInstanceSetting] = prefix,
            }).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task Two_instances_share_an_analysis_through_redis_and_a_saved_week_reaches_both()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", demo: true, clock: Clock);
        var prefix = $"salesspec-test-{Guid.NewGuid():N}:";
        await using var first = Instance(prefix);
        await using var second = Instance(prefix);
        var a = new AnalysisService(database.Access, Clock, first.GetRequiredService<HybridCache>());
        var b = new AnalysisService(database.Access, Clock, second.GetRequiredService<HybridCache>());
        var leader = await database.MemberAsync(DemoOrganization.Name);
        var (from, to) = a.DefaultPeriod(leader);

        var computed = await a.AnalyzeAsync(leader, from, to);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Address))
        {
            // The shared level is written beside the caller's answer, not before it: give it a moment.
            var keys = new List<string>();
            for (var wait = 0; wait < 50 && keys.Count == 0; wait++)
            {
                keys = redis.GetServers().Single().Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
                if (keys.Count == 0)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }
            keys.ShouldHaveSingleItem().ShouldStartWith(prefix + "analysis/" + leader.OrganizationId + "/");
        }
        var shared = await b.AnalyzeAsync(leader, from, to);
        shared.Result.ShouldNotBeSameAs(computed.Result, "the second instance read the shared level, not the first one's memory");
        AnalysisJsonWriter.Serialize(shared.Result!).ShouldBe(AnalysisJsonWriter.Serialize(computed.Result!));

        // A week saved through either instance raises the version: both see it at once.
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var rep = computed.Result!.Reps[0];
        var repId = await database.RepIdAsync(DemoOrganization.Name, rep.Email);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);
        var view = (await weeks.GetAsync(admin, repId, to)).Value!;
        var entry = new WeekEntry
        {
            Lines = view.Activities.Where(x => x.Hours > 0).Select(x => new WeekEntryLine { ActivityId = x.ActivityId, Activity = x.Name, Function = x.Function, Value = x.Hours }).ToList(),
        };
        var demos = view.Activities.First(x => x.Name == "Demos");
        entry.Lines.RemoveAll(l => l.ActivityId == demos.ActivityId);
        entry.Lines.Add(new WeekEntryLine { ActivityId = demos.ActivityId, Activity = demos.Name, Function = demos.Function, Value = (demos.Hours ?? 0m) + 3m });
        (await weeks.SaveAsync(admin, repId, to, entry, view.Version)).Succeeded.ShouldBeTrue();

        (await a.AnalyzeAsync(leader, from, to)).Result!.TotalHours.ShouldBe(computed.Result.TotalHours + 3m);
        (await b.AnalyzeAsync(leader, from, to)).Result!.TotalHours.ShouldBe(computed.Result.TotalHours + 3m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Commercial")]
    public async Task A_snapshot_comes_back_from_its_bytes_as_it_went_in(string? team)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var service = new AnalysisService(database.Access, Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name);
        var (from, to) = service.DefaultPeriod(leader);
        var outcome = await service.AnalyzeAsync(leader, from, to, team);
        var snapshot = new AnalysisSnapshot(outcome.Input!, outcome.Result!);

        var serializer = new AnalysisSnapshotSerializer();
        var bytes = new ArrayBufferWriter<byte>();
        serializer.Serialize(snapshot, bytes);
        var back = serializer.Deserialize(new ReadOnlySequence<byte>(bytes.WrittenMemory));

        AnalysisJsonWriter.Serialize(back.Result).ShouldBe(AnalysisJsonWriter.Serialize(snapshot.Result));
        // The what-if slider on the snapshot read back gives what it gives on the original.
        AnalysisJsonWriter.Serialize(SalesSpec.Domain.Analysis.WorkloadAnalyzer.Analyze(back.Input with { Threshold = 0.13m }))
            .ShouldBe(AnalysisJsonWriter.Serialize(SalesSpec.Domain.Analysis.WorkloadAnalyzer.Analyze(snapshot.Input with { Threshold = 0.13m })));
    }
}

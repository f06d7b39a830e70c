using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>One heavy export per organisation at a time: across instances on PostgreSQL, within the process on SQLite.</summary>
public sealed class ExportGateTests
{
    [Fact]
    public async Task Two_instances_on_one_postgres_share_the_gate_and_other_organisations_pass()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", demo: true);
        // Two gates are two app instances: all they share is the database.
        var first = new ExportGate(database.Factory);
        var second = new ExportGate(database.Factory);

        var held = await first.TryEnterAsync(1);
        held.ShouldNotBeNull();
        (await second.TryEnterAsync(1)).ShouldBeNull();
        (await first.TryEnterAsync(1)).ShouldBeNull();
        var other = await second.TryEnterAsync(2);
        other.ShouldNotBeNull();

        await held.DisposeAsync();
        var next = await second.TryEnterAsync(1);
        next.ShouldNotBeNull();
        await next.DisposeAsync();
        await other.DisposeAsync();
        // Released twice is released once.
        await held.DisposeAsync();
        (await first.TryEnterAsync(1)).ShouldNotBeNull();
    }

    [Fact]
    public async Task On_sqlite_the_gate_holds_within_the_process()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true);
        var gate = new ExportGate(database.Factory);

        var held = await gate.TryEnterAsync(1);
        held.ShouldNotBeNull();
        (await gate.TryEnterAsync(1)).ShouldBeNull();
        await held.DisposeAsync();
        (await gate.TryEnterAsync(1)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/api/v1/organizations/1/export.xlsx")]
    [InlineData("/api/v1/organizations/1/timelogs.csv")]
    public async Task A_second_export_while_one_runs_gets_429_with_retry_after_and_then_goes_through(string url)
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");
        var running = await app.Services.GetRequiredService<ExportGate>().TryEnterAsync(AppFactory.Northwind);
        running.ShouldNotBeNull();

        using (var refused = await client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(ExportGate.RetryAfterSeconds));
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("An export is already running");
        }

        await running.DisposeAsync();
        using var served = await client.GetAsync(new Uri(url, UriKind.Relative));
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        await served.Content.ReadAsByteArrayAsync();
        // The served export let go of the gate when its response ended.
        var after = await app.Services.GetRequiredService<ExportGate>().TryEnterAsync(AppFactory.Northwind);
        after.ShouldNotBeNull();
        await after.DisposeAsync();
    }
}

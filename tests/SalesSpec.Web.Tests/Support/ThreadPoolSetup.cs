using System.Runtime.CompilerServices;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// bUnit's renderer and the test host share the thread pool with every test running in parallel; on a
/// two-core CI machine the pool grows too slowly and a wait can time out before the renderer gets a
/// thread. Starting with more threads keeps the waits about the component, not the machine. For the
/// same reason bUnit's waits get 15 seconds instead of its default of one: a save or an import on a
/// busy machine (the browser tests run beside these) can take longer than a second, and a wait returns
/// as soon as its condition holds, so a passing test is no slower.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }
}

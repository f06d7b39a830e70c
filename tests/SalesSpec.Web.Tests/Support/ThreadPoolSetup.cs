using System.Runtime.CompilerServices;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// bUnit's renderer and the test host share the thread pool with every test running in parallel; on a
/// two-core CI machine the pool grows too slowly and a wait can time out before the renderer gets a
/// thread. Starting with more threads keeps the waits about the component, not the machine.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}

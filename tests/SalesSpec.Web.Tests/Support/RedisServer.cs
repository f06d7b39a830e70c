namespace SalesSpec.Web.Tests.Support;

/// <summary>The real Redis server that the test command (test.sh) starts, as the app's <c>Cache:Redis</c> setting.</summary>
public static class RedisServer
{
    public const string EnvironmentVariable = "SALESSPEC_TEST_REDIS";
    private const string Default = "127.0.0.1:56379";

    public static string Address =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : Default;
}

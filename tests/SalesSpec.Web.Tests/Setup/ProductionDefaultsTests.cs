using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Setup;

namespace SalesSpec.Web.Tests.Setup;

/// <summary>What an instance does when nobody configured it: safe in production, convenient in development.</summary>
public sealed class ProductionDefaultsTests
{
    private static DemoOptions Demo(string environment, string? setting = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : new Dictionary<string, string?> { ["Demo:Enabled"] = setting })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddSalesSpecWeb(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DemoOptions>>().Value;
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void The_demo_is_on_in_development_and_off_elsewhere_unless_set(string environment, string? setting, bool on) =>
        Demo(environment, setting).IsOn.ShouldBe(on);
}

namespace SalesSpec.Web.Features.Demo;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo organisation on first start with an empty database.</summary>
    public bool Enabled { get; set; } = true;
}

namespace SalesSpec.Web.Features.Demo;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Create the demo organisation on first start with an empty database, and show its sign-ins on the sign-in
    /// page. Unset, it follows the environment: on in Development (<c>dotnet run</c>), off anywhere else, so that
    /// a production instance never advertises the demo Admin's password.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the demo is on, once <see cref="Enabled"/> has been settled for the environment.</summary>
    public bool IsOn => Enabled == true;
}

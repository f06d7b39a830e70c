using System.Security.Cryptography;

namespace SalesSpec.Web.Components.Layout;

public sealed partial class PageErrorBoundary
{
    /// <summary>The id under which the error is logged, shown to the person so support can find it.</summary>
    public string? Reference { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        Reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        LogPageFailed(Logger, exception, Reference, Navigation.Uri);
        return Task.CompletedTask;
    }

    // A fresh load: the page's state is what failed, so it starts again from the server.
    private void Reload() => Navigation.NavigateTo(Navigation.Uri, forceLoad: true);

    [LoggerMessage(Level = LogLevel.Error, Message = "A page failed (reference {Reference}) at {Address}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string reference, string address);
}

using System.Security.Cryptography;

namespace SalesSpec.Web.Components.Layout;

public sealed partial class PageErrorBoundary
{
    /// <summary>The id under which the error is logged, shown to the person so support can find it.</summary>
    public string? Reference { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        Reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        if (exception is Microsoft.JSInterop.JSDisconnectedException)
        {
            // The tab was closed while a component still talked to it (a chart measuring itself after its last render):
            // nobody sees the panel and nothing failed, so no error in the log for each closed dashboard.
            LogPageClosed(Logger, Reference, Navigation.Uri);
        }
        else
        {
            LogPageFailed(Logger, exception, Reference, Navigation.Uri);
        }
        return Task.CompletedTask;
    }

    // A fresh load: the page's state is what failed, so it starts again from the server.
    private void Reload() => Navigation.NavigateTo(Navigation.Uri, forceLoad: true);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A page was closed while it was still rendering (reference {Reference}) at {Address}")]
    private static partial void LogPageClosed(ILogger logger, string reference, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "A page failed (reference {Reference}) at {Address}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string reference, string address);
}

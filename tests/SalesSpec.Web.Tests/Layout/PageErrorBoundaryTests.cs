using System.Collections.Concurrent;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using SalesSpec.Web.Components.Layout;

namespace SalesSpec.Web.Tests.Layout;

/// <summary>A page that throws shows a panel with a reference and a reload, instead of ending the person's session.</summary>
public sealed class PageErrorBoundaryTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly Logs _logs = new();

    public PageErrorBoundaryTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void A_page_that_throws_shows_the_panel_and_logs_the_error_under_its_reference()
    {
        var boundary = _context.Render<PageErrorBoundary>(parameters => parameters
            .AddChildContent<FailingPage>());

        boundary.Find("[data-testid=page-failed] h1").TextContent.ShouldBe("Something went wrong on this page");
        var reference = boundary.Find("[data-testid=page-failed-reference]").TextContent;
        reference.ShouldMatch("^[0-9A-F]{10}$");
        boundary.FindAll("[data-testid=failing-page]").ShouldBeEmpty();
        var logged = _logs.Entries.ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Message.ShouldContain($"reference {reference}");
        logged.Exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("The page broke");

        boundary.Find("[data-testid=page-failed-reload]").Click();
        var navigation = _context.Services.GetRequiredService<NavigationManager>() as BunitNavigationManager;
        navigation!.History.First().Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public void A_page_that_works_is_shown_as_it_is()
    {
        var boundary = _context.Render<PageErrorBoundary>(parameters => parameters
            .AddChildContent("<p data-testid=\"fine\">All well</p>"));

        boundary.Find("[data-testid=fine]").TextContent.ShouldBe("All well");
        boundary.FindAll("[data-testid=page-failed]").ShouldBeEmpty();
        _logs.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void A_page_closed_while_it_was_still_talking_to_the_browser_is_no_error()
    {
        _context.Render<PageErrorBoundary>(parameters => parameters.AddChildContent<ClosedPage>());

        var logged = _logs.Entries.ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Debug);
        logged.Message.ShouldContain("closed while it was still rendering");
    }

    private sealed class ClosedPage : ComponentBase
    {
        protected override void OnInitialized() => throw new Microsoft.JSInterop.JSDisconnectedException("The circuit has disconnected.");
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("The page broke");
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class Logs : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(PageErrorBoundary).FullName ? new Logger(_entries) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// One open page held the way a browser holds it, without a browser. An interactive page's Blazor Server circuit is
/// held the way blazor.web.js holds it: load the prerendered page, open the circuit over SignalR (MessagePack, named
/// "blazorpack"), hand the page's server components to it, acknowledge every render batch, and answer JS interop calls
/// with empty results. A statically rendered page (the dashboard) has no component to start: the page is loaded and
/// its HTTP connection kept open, as a browser tab keeps it. Cheap enough to hold a thousand from one process, so the
/// server's memory per open page can be measured.
/// </summary>
internal sealed partial class CircuitClient : IAsyncDisposable
{
    private readonly HubConnection? _connection;
    private readonly Uri _page;
    private long _batches;
    private long _nextObjectId = 1;
    private TaskCompletionSource<long> _nextBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly CookieContainer _cookies;
    private string? _circuitId;

    private CircuitClient(HubConnection? connection, Uri page, CookieContainer cookies)
    {
        _connection = connection;
        _page = page;
        _cookies = cookies;
    }

    /// <summary>Render batches received (and acknowledged) so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The first error the server reported for this circuit (JS.Error), if any.</summary>
    public string? Error { get; private set; }

    public bool IsConnected => (_connection is null ? _http is not null : _connection.State == HubConnectionState.Connected) && Error is null;

    /// <summary>Whether the page was rendered statically: no circuit, only its HTTP connection.</summary>
    public bool IsStatic => _connection is null;

    /// <summary>Loads <paramref name="page"/> with <paramref name="cookies"/> and opens its circuit; returns once the first render batch came.</summary>
    public static async Task<CircuitClient> OpenAsync(Uri page, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        string html;
        using (var response = await http.GetAsync(page, cancellationToken))
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                http.Dispose();
                throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} ({response.Headers.Location}).");
            }
            html = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        var markers = ServerMarkers(html);
        if (markers.Count == 0)
        {
            // A static page: nothing to start; the tab keeps its connection for its next request.
            return new CircuitClient(null, page, cookies) { _http = http };
        }
        http.Dispose();
        var state = PersistedState().Match(html) is { Success: true } match ? match.Groups[1].Value : "";

        var baseUri = new Uri(page, "/");
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.Cookies = cookies;
                options.SkipNegotiation = true;
            });
        builder.Services.Replace(ServiceDescriptor.Singleton<IHubProtocol>(new BlazorPack()));
        var connection = builder.Build();
        var client = new CircuitClient(connection, page, cookies);
        client.Listen();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            Trace($"connecting {page}");
            await connection.StartAsync(timeout.Token);
            Trace("connected");
            var circuitId = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", state, timeout.Token);
            if (string.IsNullOrEmpty(circuitId))
            {
                throw new InvalidOperationException("The server refused to start a circuit.");
            }
            client._circuitId = circuitId;
            Trace($"circuit {circuitId}");
            var firstBatch = client.NextBatchAsync();
            var operations = markers.Select((marker, index) => new { type = "add", ssrComponentId = index + 1, marker });
            var batch = JsonSerializer.Serialize(new { batchId = 1, operations });
            await connection.SendAsync("UpdateRootComponents", batch, state, timeout.Token);
            await firstBatch.WaitAsync(timeout.Token);
            Trace("first render");
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Tells the circuit the address changed, as the browser does, and returns the time until the server's answering
    /// render batch arrived: the interaction every held circuit must answer (the bar's bell renders on it).
    /// </summary>
    public async Task<TimeSpan> NavigateAsync(Uri address, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            // A static page answers an interaction with a request of the page.
            return await LoadAsync(address, cancellationToken);
        }
        var answered = NextBatchAsync();
        Trace($"navigating to {address}");
        var clock = Stopwatch.StartNew();
        await _connection.SendAsync("OnLocationChanged", address.ToString(), null, false, cancellationToken);
        await answered.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return clock.Elapsed;
    }

    public Uri Page => _page;

    private HttpClient? _http;

    /// <summary>
    /// Loads <paramref name="address"/> as this browser (its cookies, so behind HAProxy its instance): the dashboard's
    /// what-if line is a plain request of the page at <c>?line=</c>. With <paramref name="partsOnly"/> it asks, as the
    /// slider's script does, for the parts that follow the line only (the app's PartsRequest header). Returns the time
    /// to the whole answer.
    /// </summary>
    public async Task<TimeSpan> LoadAsync(Uri address, CancellationToken cancellationToken, bool partsOnly = false)
    {
        _http ??= new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (partsOnly)
        {
            request.Headers.Add("X-SalesSpec-Parts", "follows-line");
        }
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        var answered = partsOnly
            ? html.Contains("data-follows-line", StringComparison.Ordinal) && !html.Contains("<html", StringComparison.Ordinal)
            : html.Contains("<h1", StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.OK || !answered)
        {
            throw new InvalidOperationException($"{address} answered {(int)response.StatusCode} without {(partsOnly ? "the parts alone" : "a page")}.");
        }
        return clock.Elapsed;
    }

    /// <summary>Closes the circuit as a browser closing its tab does: the disconnect beacon ends it on the server at once.</summary>
    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_connection is null)
        {
            return;
        }
        if (_circuitId is not null && _connection.State == HubConnectionState.Connected)
        {
            try
            {
                using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies });
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = _circuitId });
                Trace("disconnecting");
                using var _ = await http.PostAsync(new Uri(_page, "/_blazor/disconnect"), form);
                Trace("disconnected");
            }
            catch (HttpRequestException)
            {
                // The server is gone; nothing to end.
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _connection.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Left to the disposal below.
        }
        Trace("stopped");
        await _connection.DisposeAsync();
        Trace("disposed");
    }

    private Task<long> NextBatchAsync()
    {
        lock (this)
        {
            if (_nextBatch.Task.IsCompleted)
            {
                _nextBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return _nextBatch.Task;
        }
    }

    private void Listen()
    {
        var connection = _connection!;
        // Handlers run on the connection's receive loop, and a send waits for the connection's lock, which stopping the
        // connection holds while it waits for that loop: awaiting a send here can deadlock a closing circuit. The
        // answers go out without being awaited, as the browser's do.
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, _) =>
        {
            Interlocked.Increment(ref _batches);
            Answer("OnRenderCompleted", batchId, null);
            lock (this)
            {
                _nextBatch.TrySetResult(batchId);
            }
        });
        connection.On<long, string, string, int, long>("JS.BeginInvokeJS", (asyncHandle, _, _, resultType, _) =>
        {
            if (asyncHandle == 0)
            {
                return; // Fire-and-forget: nobody waits for an answer.
            }
            // 1 = a JS object reference (a module import, an element wrapper): hand out a fresh id. Anything else: no value.
            object? result = resultType == 1 ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) } : null;
            Answer("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }));
        });
        connection.On<string>("JS.Error", error => Error ??= error);
        // The other messages (a finished .NET call, a location-changing answer, persisted state…) change nothing on the
        // server and go unhandled, as SignalR allows.
    }

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("SALESSPEC_BENCH_TRACE") == "1";

    internal static void Trace(string message)
    {
        if (Tracing)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {message}");
        }
    }

    private void Answer(string method, params object?[] arguments) =>
        _ = _connection!.SendCoreAsync(method, arguments).ContinueWith(
            send => Error ??= send.Exception?.GetBaseException().Message, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static List<JsonElement> ServerMarkers(string html)
    {
        var markers = new List<JsonElement>();
        foreach (Match match in Marker().Matches(html))
        {
            using var document = JsonDocument.Parse(match.Groups[1].Value);
            var root = document.RootElement;
            // Start markers of server components carry a descriptor; end markers only the prerender id.
            if (root.TryGetProperty("type", out var type) && type.GetString() == "server" && root.TryGetProperty("descriptor", out _))
            {
                markers.Add(root.Clone());
            }
        }
        return markers;
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex PersistedState();

    /// <summary>SignalR's MessagePack protocol under the name Blazor's hub accepts.</summary>
    private sealed class BlazorPack : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => _inner.TransferFormat;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}

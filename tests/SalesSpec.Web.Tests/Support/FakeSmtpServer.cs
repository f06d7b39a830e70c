using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 speaking just enough of the protocol (no TLS, no AUTH) for the app's real mail
/// client to deliver to it. It keeps every message, counts connections, and refuses the recipients it is told to.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _refused;
    private readonly List<ReceivedEmail> _messages = [];
    private readonly Task _loop;
    private int _connections;

    /// <param name="refuse">Recipients answered with 550 at RCPT TO, as a server does for an unknown mailbox.</param>
    public FakeSmtpServer(params string[] refuse)
    {
        _refused = refuse.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedEmail> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToList();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            using (client)
            {
                try
                {
                    await ServeAsync(client.GetStream(), _stop.Token);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
                {
                    // The client hung up; wait for the next one.
                }
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken stop)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost fake ESMTP");
        var from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var recipient = Address(line);
                    if (_refused.Contains(recipient))
                    {
                        await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        break;
                    }
                    to.Add(recipient);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(stop) is { } body && body != ".")
                    {
                        // Undo the client's dot-stuffing.
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }
                    lock (_messages)
                    {
                        _messages.Add(new ReceivedEmail(from, to.ToList(), data.ToString()));
                    }
                    to.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf('>', start)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>A message as the server received it: envelope and raw data, parsed on demand.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, string Data)
{
    public string To => Recipients.Single();

    public MimeMessage Message => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>
/// Uploads the server cannot size in advance (chunked), bodies cut short, and huge lines: a 4xx that says what
/// was wrong, in a short answer, never a 500. On real Kestrel, whose body-size limit is what a chunked upload meets.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private const string TimeLogs = "/api/v1/organizations/1/timelogs/import";
    private const string Crm = "/api/v1/organizations/1/crm/import";
    private const string Header = "week,rep_email,rep_name,team,role,activity,hours\n";
    private const string Line = "2026-W30,zoe.young@northwind.test,,,,Cold calls,1\n";

    private readonly AppFactory _app = new(settings: new Dictionary<string, string> { ["Import:MaxUploadBytes"] = "4096" });
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _app.ClientOptions.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _client = await _app.SignedInAsync("consultant@demo.salesspec");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A body sent in chunks, with no Content-Length for the server to check first.</summary>
    private sealed class Chunked(byte[] bytes, string contentType) : HttpContent
    {
        public Chunked Typed()
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return this;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 1000)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(1000, bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_chunked_csv_over_the_limit_gets_413()
    {
        var body = Bytes(Header + string.Concat(Enumerable.Repeat(Line, 200)));
        body.Length.ShouldBeGreaterThan(4096);

        var (status, problem) = await Api.PostAsync(_client, TimeLogs, new Chunked(body, "text/csv").Typed());

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("split it by period");
    }

    [Fact]
    public async Task A_chunked_form_over_the_limit_gets_413()
    {
        const string boundary = "xyz";
        var body = Bytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Task.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + new string('a', 9000) + $"\r\n--{boundary}--\r\n");

        var (status, problem) = await Api.PostAsync(_client, Crm, new Chunked(body, $"multipart/form-data; boundary={boundary}").Typed());

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("larger than the import limit");
    }

    [Theory]
    [InlineData("a part cut off in the middle", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Task.csv\"\r\nContent-Type: text/csv\r\n\r\nId,Subj")]
    [InlineData("a header cut off", "--xyz\r\nContent-Disposition: form-da")]
    [InlineData("no closing boundary", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Task.csv\"\r\n\r\nId\r\n--xyz\r\n")]
    public async Task A_multipart_body_cut_short_gets_400(string what, string body)
    {
        using var content = new ByteArrayContent(Bytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var (status, problem) = await Api.PostAsync(_client, Crm, content);

        status.ShouldBe(HttpStatusCode.BadRequest, what);
        problem.GetProperty("title").GetString().ShouldBe("Unreadable form", what);
    }

    [Fact]
    public async Task A_huge_header_line_gets_a_short_answer()
    {
        var header = "week,rep_email," + new string('x', 3000) + "\n";
        using var content = new StringContent(header + Line, Encoding.UTF8, "text/csv");
        using var response = await _client.PostAsync(new Uri(TimeLogs, UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        text.Length.ShouldBeLessThan(2000, text.Length > 2000 ? text[..2000] : text);
        text.ShouldNotContain(new string('x', 300));
    }
}

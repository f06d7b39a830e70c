using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>A chosen file for the view models, without a browser: its text, or a stream that must never be opened.</summary>
internal sealed class TextBrowserFile(string name, string text, long? size = null) : IBrowserFile
{
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

    public bool Opened { get; private set; }

    public string Name => name;

    public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

    public long Size => size ?? _bytes.Length;

    public string ContentType => "text/csv";

    public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
    {
        Opened = true;
        return new MemoryStream(_bytes, writable: false);
    }
}

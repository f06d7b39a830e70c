using System.Text;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// One uploaded export file, CSV in any common encoding or an Excel workbook. It is opened a few times (to recognise
/// it, to learn its encoding, to read it), so <see cref="Open"/> must start from the beginning each time.
/// </summary>
public sealed record CrmFile(string Name, Func<Stream> Open)
{
    /// <summary>A file whose content is already text (tests, pasted samples), stored as UTF-8.</summary>
    public static CrmFile FromText(string name, string content) => new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(content)));
}

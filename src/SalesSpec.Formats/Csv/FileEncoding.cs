using System.Text;

namespace SalesSpec.Formats.Csv;

/// <summary>
/// Which encoding a text file is in. UTF-8 (with or without a byte-order mark) is what exports should be; a file that is
/// not valid UTF-8 is almost always Windows-1252 or ISO-8859-1 (Salesforce's Data Export offers it, Excel writes it), and
/// Windows-1252 reads both the same for every letter a name uses. Guessing UTF-8 for such a file would turn "Björn"
/// into "Bj�rn" without a word.
/// </summary>
public static class FileEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FileEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>UTF-8, unless the bytes are not valid UTF-8 (then Windows-1252). The stream is read to its end.</summary>
    public static Encoding Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                decoder.GetCharCount(buffer, 0, read, flush: false);
            }
            decoder.GetCharCount([], 0, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }
}

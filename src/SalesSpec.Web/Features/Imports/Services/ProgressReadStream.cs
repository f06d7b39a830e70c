namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>Reads through to another stream and reports how far it has got (0..1), at most once per percent.</summary>
internal sealed class ProgressReadStream(Stream inner, long length, IProgress<double>? progress) : Stream
{
    private long _read;
    private int _lastPercent = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Advance(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Advance(int read)
    {
        _read += read;
        if (progress is not null && length > 0)
        {
            var percent = (int)Math.Min(100, _read * 100 / length);
            if (percent != _lastPercent)
            {
                _lastPercent = percent;
                progress.Report(percent / 100d);
            }
        }
        return read;
    }
}

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// An upload copied, as it arrives, to a temporary file: never held whole in memory, read as often as
/// needed (a preview, then the import), and deleted when disposed.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private UploadSpool(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Copies <paramref name="upload"/>; returns null (and keeps nothing) when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<UploadSpool?> CopyAsync(Stream upload, long maxBytes, IProgress<double>? progress = null, long? expectedLength = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"salesspec-import-{Guid.NewGuid():N}.csv");
        long copied = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    copied += read;
                    if (copied > maxBytes)
                    {
                        File.Delete(path);
                        return null;
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    if (expectedLength is > 0)
                    {
                        progress?.Report(Math.Min(1d, (double)copied / expectedLength.Value));
                    }
                }
            }
            return new UploadSpool(path, copied);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

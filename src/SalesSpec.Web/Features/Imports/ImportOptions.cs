namespace SalesSpec.Web.Features.Imports;

/// <summary>The <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file an import takes, in bytes (default 50 MB); larger uploads are refused before they are read.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}

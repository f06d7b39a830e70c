namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>The <c>Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file an import takes, in bytes (default 50 MB); larger uploads are refused before they are read.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The longest any one statement of an import may run, in seconds; 0 (the default) means no limit. A
    /// million-row replacement on a busy server takes longer than EF's usual 30 s, and a half-way timeout
    /// only throws the work away (the import is all-or-nothing either way).
    /// </summary>
    public int CommandTimeoutSeconds { get; set; }

    /// <summary>
    /// How long an import waits for another import (or a week being saved) that holds some of the same reps,
    /// in seconds (default 120), before it gives up with 409 and writes nothing.
    /// </summary>
    public int WaitForOtherImportSeconds { get; set; } = 120;
}

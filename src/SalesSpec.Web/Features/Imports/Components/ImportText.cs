namespace SalesSpec.Web.Features.Imports.Components;

/// <summary>How the import pages write sizes and counts.</summary>
public static class ImportText
{
    public static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>"1 row", "1,200 rows".</summary>
    public static string Count(int count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}

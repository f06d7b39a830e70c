namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// A column of an export file: where it is (-1 when the file has none of its names), what the file calls it, and the
/// unit its header names in parentheses ("ms", "hh:mm:ss"; empty when none).
/// </summary>
internal readonly record struct CrmColumn(int Index, string Name, string Unit = "")
{
    public bool Exists => Index >= 0;

    public string Of(string[] fields) => Exists && Index < fields.Length ? fields[Index].Trim() : "";
}

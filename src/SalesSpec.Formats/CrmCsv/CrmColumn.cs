namespace SalesSpec.Formats.CrmCsv;

/// <summary>A column of an export file: where it is (-1 when the file has none of its names) and what the file calls it.</summary>
internal readonly record struct CrmColumn(int Index, string Name)
{
    public bool Exists => Index >= 0;

    public string Of(string[] fields) => Exists ? fields[Index].Trim() : "";
}

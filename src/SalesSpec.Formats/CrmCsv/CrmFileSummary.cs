namespace SalesSpec.Formats.CrmCsv;

/// <summary>What one file was taken for and how many data lines it had; a note when it was read in an unusual way (its encoding).</summary>
public sealed record CrmFileSummary(string Name, CrmFileKind Kind, int Lines)
{
    public string? Note { get; init; }

    /// <summary>The layout a <see cref="CrmFileKind.Mapped"/> file was read through.</summary>
    public string? Layout { get; init; }

    /// <summary>The header row of a file not recognised or read through a layout: what the mapping step offers.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}

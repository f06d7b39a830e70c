namespace SalesSpec.Formats.CrmCsv;

/// <summary>One uploaded export file. It is opened twice at most (users files are read before activity files), so <see cref="Open"/> must start from the beginning each time.</summary>
public sealed record CrmFile(string Name, Func<TextReader> Open);

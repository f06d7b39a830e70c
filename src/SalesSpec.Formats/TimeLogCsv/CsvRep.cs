namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>What a file says about one rep (the first non-empty value of each column; later lines must agree).</summary>
public sealed record CsvRep(string Email, string? Name, string? Team, string? Role, int FirstLine);

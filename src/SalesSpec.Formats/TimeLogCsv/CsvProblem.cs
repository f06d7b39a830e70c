namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>One thing wrong with one line of a file, said so that the person who made the file can fix it.</summary>
public sealed record CsvProblem(int Line, string Column, string Reason)
{
    public override string ToString() => Column.Length > 0 ? $"line {Line}, {Column}: {Reason}" : $"line {Line}: {Reason}";
}

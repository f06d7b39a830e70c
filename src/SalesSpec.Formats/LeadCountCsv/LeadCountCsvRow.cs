namespace SalesSpec.Formats.LeadCountCsv;

/// <summary>A good line of a lead-count CSV: inbound leads in one calendar month (the first day of it).</summary>
public sealed record LeadCountCsvRow(int Line, DateOnly Month, int Leads);

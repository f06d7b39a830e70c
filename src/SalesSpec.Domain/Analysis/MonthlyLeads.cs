namespace SalesSpec.Domain.Analysis;

/// <summary>Inbound leads received in a calendar month (<paramref name="Month"/> is any day of it).</summary>
public readonly record struct MonthlyLeads(DateOnly Month, int Leads);

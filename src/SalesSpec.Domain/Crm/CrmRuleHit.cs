namespace SalesSpec.Domain.Crm;

/// <summary>How many records one rule took, and their minutes: shows which rules do the work.</summary>
public sealed record CrmRuleHit(int Rule, int Records, decimal Minutes);

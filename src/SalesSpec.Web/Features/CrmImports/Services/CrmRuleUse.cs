namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>What one rule did in an import: shows which rules carry the weight and which never fire.</summary>
public sealed record CrmRuleUse(int Position, string Condition, string Activity, int Records, decimal Hours);

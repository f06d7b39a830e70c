namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>Saved (with the new version), or why not: validation problems, or someone else saved first.</summary>
public sealed record CrmRulesSaveResult(bool Saved, int Version, IReadOnlyList<string> Problems, bool Conflict = false);

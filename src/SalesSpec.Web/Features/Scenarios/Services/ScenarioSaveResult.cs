namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>The outcome of a save: the new version, or why nothing was saved.</summary>
public sealed record ScenarioSaveResult(bool Saved, int Version, IReadOnlyList<string> Errors, bool Conflict = false);

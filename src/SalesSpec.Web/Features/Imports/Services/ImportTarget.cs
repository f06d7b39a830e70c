namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>What a source of time logs writes into: the organisation (roles, teams, activities loaded), its reps (email → name), and the staging table.</summary>
internal sealed record ImportTarget(
    Organization Organization,
    IReadOnlyDictionary<string, int> ActivityIds,
    IReadOnlyDictionary<string, string> ExistingReps,
    TimeLogStaging Staging);

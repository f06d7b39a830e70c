namespace SalesSpec.Domain.Analysis;

/// <summary>In the order recommendations are listed.</summary>
public enum RecommendationKind
{
    SplitOutRole,
    AddSpecialistCapacity,
    AddMarketResponseRep,
    HireSdrBeforeNextAe,
    MissingCoreRoles,
    SpecializationCaution,
}

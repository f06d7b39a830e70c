namespace SalesSpec.Domain.Scenarios;

/// <summary>Where the scenario's people come from: reps moved into a new role and internal promotions against external hires.</summary>
/// <param name="InternalShare">(moves + internal hires) / everyone placed; null when nobody is.</param>
public sealed record StaffingPlan(int Moves, int InternalHires, int ExternalHires, decimal? InternalShare)
{
    /// <summary>About two thirds grown internally, one third hired (seed 000).</summary>
    public const decimal Guideline = 2m / 3m;
}

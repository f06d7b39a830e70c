namespace SalesSpec.Web.Features.Access;

/// <summary>How a feature service's command ended; endpoints map it with <see cref="OutcomeResults"/>, pages show its errors.</summary>
public enum OutcomeKind
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>The week is locked (approved and closed by a manager, or inside a locked period).</summary>
    Locked,
}

namespace SalesSpec.Web.Features.Timesheets;

public enum WeekProblem
{
    None,
    NotFound,
    Forbidden,
    Invalid,
    Locked,
    Conflict,
}

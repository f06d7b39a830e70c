namespace SalesSpec.Web.Features.Timesheets.Services;

public enum WeekProblem
{
    None,
    NotFound,
    Forbidden,
    Invalid,
    Locked,
    Conflict,
}

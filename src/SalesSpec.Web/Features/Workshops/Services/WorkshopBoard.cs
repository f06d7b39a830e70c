using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>A workshop in the list: what it is, how many answered, whether it takes answers.</summary>
public sealed record WorkshopSummary(
    int Id, string Title, string Code, string? Team, bool IsAnonymous, int Answers, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, WorkshopState State);

public enum WorkshopState
{
    Open,
    Closed,
    Expired,
}

/// <summary>One answer as the projector shows it: a label (initials only in anonymous sessions) and the week's shares by function.</summary>
public sealed record WorkshopBoardAnswer(
    int Id, string Label, string? Name, string? Email, string Role, string? Team, IReadOnlyDictionary<SalesFunction, decimal> Percent, DateTimeOffset UpdatedAt);

/// <summary>
/// What the projector shows: the session, the answers and the analyzer run on the answers alone
/// (<see cref="WorkshopAnalysis"/>), at the organisation's 80/20 line.
/// </summary>
public sealed record WorkshopBoard(
    WorkshopSummary Session,
    bool IsRevealed,
    int Version,
    IReadOnlyList<WorkshopBoardAnswer> Answers,
    AnalysisInput Input,
    AnalysisResult Result,
    bool ShowsReferenceFigures = true)
{
    public int AnswerCount => Answers.Count;
}

/// <summary>One share of one answer, as the CSV has it.</summary>
public sealed record WorkshopExportLine(
    int Answer, string? Name, string? Initials, string? Email, string Role, string? Team, string Activity, SalesFunction? Function, decimal Percent, DateTimeOffset AnsweredAt);

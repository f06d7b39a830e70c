using FluentValidation;
using SalesSpec.Formats.AnalysisCsv;
using SalesSpec.Formats.AnalysisJson;

namespace SalesSpec.Web.Features.Analysis;

public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/organizations/{id:int}/analysis", GetAnalysisAsync)
            .RequireMembership()
            .WithName("GetAnalysis")
            .WithSummary("The workload analysis of an organisation or one team over a period of ISO weeks.")
            .Produces<AnalysisDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        endpoints.MapGet("/organizations/{id:int}/analysis.csv", GetAnalysisCsvAsync)
            .RequireMembership()
            .WithName("GetAnalysisCsv")
            .WithSummary("The same analysis per rep as CSV (hours per function, shares, focus), for a spreadsheet.")
            .Produces<string>(contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        endpoints.MapGet("/organizations/{id:int}/export.xlsx", GetWorkbookAsync)
            .RequireMembership()
            .WithName("GetWorkbook")
            .WithSummary("An Excel workbook: the analysis (summary, recommendations, reps) and the time logs of the same period and team.")
            .Produces<byte[]>(contentType: WorkbookType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> GetWorkbookAsync(
        int id, string? from, string? to, string? team, string? line, MemberAccess? member, AnalysisService analysis,
        IValidator<AnalysisQuery> validator, Imports.Services.TimeLogExportService exports, Imports.Services.ExportGate gate, HttpContext context, CancellationToken cancellationToken)
    {
        var (result, saved, error) = await RunAsync(id, new AnalysisQuery(from, to, team, line), member!, analysis, validator, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (await Imports.Api.ExportGateResults.EnterAsync(gate, member!.OrganizationId, context, cancellationToken) is { } busy)
        {
            return busy;
        }
        var logs = exports.RowsAsync(member, result!.From, result.To, cancellationToken);
        if (!string.IsNullOrWhiteSpace(team))
        {
            logs = logs.Where(l => string.Equals(l.Team, team.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        var name = $"salesspec-{result.From}-{result.To}{LineSuffix(result, saved)}.xlsx";
        return Results.Stream(
            body => Imports.Services.WorkbookExport.WriteAsync(
                member.OrganizationName, result, logs, body, string.IsNullOrWhiteSpace(team) ? null : team.Trim(), saved, cancellationToken),
            WorkbookType,
            name);
    }

    private static async Task<IResult> GetAnalysisAsync(
        int id, string? from, string? to, string? team, string? line, MemberAccess? member, AnalysisService analysis,
        IValidator<AnalysisQuery> validator, CancellationToken cancellationToken)
    {
        var (result, _, error) = await RunAsync(id, new AnalysisQuery(from, to, team, line), member!, analysis, validator, cancellationToken);
        return error ?? Results.Json(AnalysisJsonWriter.ToDocument(result!), AnalysisJsonWriter.Options);
    }

    private static async Task<IResult> GetAnalysisCsvAsync(
        int id, string? from, string? to, string? team, string? line, MemberAccess? member, AnalysisService analysis,
        IValidator<AnalysisQuery> validator, CancellationToken cancellationToken)
    {
        var (result, saved, error) = await RunAsync(id, new AnalysisQuery(from, to, team, line), member!, analysis, validator, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        AnalysisCsvWriter.Write(result!, text);
        // The CSV's columns are a contract: the name says which 80/20 line decided its focus column.
        var name = $"analysis-{result!.From}-{result.To}{LineSuffix(result, saved)}.csv";
        // With the byte-order mark, spreadsheets read names like "Zoë" as UTF-8.
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", name);
    }

    /// <summary>"-line-30" when the export is at a what-if line, not the organisation's own.</summary>
    private static string LineSuffix(Domain.Analysis.AnalysisResult result, decimal saved) =>
        result.Threshold == saved ? "" : $"-line-{AnalysisQueryValidator.Percent(result.Threshold)}";

    /// <summary>The analysis the query asks for, at its what-if line if it has one, and the organisation's own line.</summary>
    private static async Task<(Domain.Analysis.AnalysisResult? Result, decimal SavedThreshold, IResult? Error)> RunAsync(
        int id,
        AnalysisQuery asked,
        MemberAccess member,
        AnalysisService analysis,
        IValidator<AnalysisQuery> validator,
        CancellationToken cancellationToken)
    {
        var (defaultFrom, defaultTo) = analysis.DefaultPeriod(member);
        var query = new AnalysisQuery(
            string.IsNullOrWhiteSpace(asked.From) ? defaultFrom.ToString() : asked.From,
            string.IsNullOrWhiteSpace(asked.To) ? defaultTo.ToString() : asked.To,
            string.IsNullOrWhiteSpace(asked.Team) ? null : asked.Team,
            string.IsNullOrWhiteSpace(asked.Line) ? null : asked.Line);
        if (await validator.ProblemAsync(query, cancellationToken) is { } invalid)
        {
            return (null, 0m, invalid);
        }

        var outcome = await analysis.AnalyzeAsync(
            member, IsoWeek.Parse(query.From!), IsoWeek.Parse(query.To!), query.Team, AnalysisQueryValidator.Threshold(query.Line), cancellationToken);
        if (outcome.OrganizationMissing)
        {
            return (null, 0m, ApiProblems.OrganizationNotFound(id));
        }
        if (outcome.ForbiddenReason is { } reason)
        {
            return (null, 0m, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: reason));
        }
        if (outcome.KnownTeams is { } teams)
        {
            return (null, 0m, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["team"] = [$"There is no team named '{query.Team}'. Teams: {(teams.Count == 0 ? "none" : string.Join(", ", teams))}."],
            }));
        }
        return (outcome.Result, outcome.Snapshot?.Input.Threshold ?? outcome.Input!.Threshold, null);
    }
}

using FluentValidation;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Imports.History;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports.Api;

/// <summary>Time logs in and out over the API, in the CSV format of formats.md §1.</summary>
public static class ImportEndpoints
{
    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream"];

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/organizations/{id:int}/timelogs/import", ImportAsync)
            .RequirePermission(Permission.Import)
            .WithName("ImportTimeLogs")
            .WithSummary("Import a time-log CSV (the request body, text/csv). All or nothing: 200 with the report when imported (or, with dryRun=true, when it would be), 422 with every error when nothing was written.")
            // No Accepts<>(…) here: it would answer 415 before authorisation, telling outsiders the route exists.
            .Produces<TimeLogImportReport>()
            .Produces<TimeLogImportReport>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/organizations/{id:int}/timelogs.csv", ExportAsync)
            .RequireMembership()
            .WithName("ExportTimeLogs")
            .WithSummary("The time logs you may see as a time-log CSV (the import's format), optionally from and to an ISO week or date.")
            .Produces<string>(contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/organizations/{id:int}/imports", ListImportsAsync)
            .RequirePermission(Permission.Import)
            .WithName("ListImports")
            .WithSummary("The latest 20 time-log imports (CSV or CRM), newest first, with whether each can still be rolled back (for 7 days).")
            .Produces<IReadOnlyList<ImportHistoryRow>>();
        api.MapPost("/organizations/{id:int}/imports/{importId:int}/rollback", RollBackAsync)
            .RequirePermission(Permission.Import)
            .WithName("RollBackImport")
            .WithSummary("Rolls an import back: the rep-weeks it wrote get back the rows it replaced. 409 with the rep-weeks in the way when any was changed or locked since, or when the import is older than 7 days.")
            .Produces<RollbackAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The answer to a rollback: what it restored.</summary>
    public sealed record RollbackAnswer(int ImportId, string Restored);

    private static async Task<IResult> ListImportsAsync(MemberAccess? member, ImportHistoryService history, CancellationToken cancellationToken) =>
        Results.Ok(await history.ListAsync(member!, cancellationToken));

    private static async Task<IResult> RollBackAsync(int importId, MemberAccess? member, ImportHistoryService history, CancellationToken cancellationToken) =>
        (await history.RollBackAsync(member!, importId, cancellationToken)).ToResult(text => Results.Ok(new RollbackAnswer(importId, text)));

    private static async Task<IResult> ImportAsync(
        bool? dryRun, HttpContext http, MemberAccess? member, TimeLogImportService imports,
        IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not null && !CsvMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send CSV",
                detail: $"Send the CSV file itself as the request body, with Content-Type text/csv (got {mediaType}).");
        }
        var max = options.Value.MaxUploadBytes;
        if (!UploadLimit.Admits(http, max))
        {
            return TooLarge(max);
        }
        await using var spool = await UploadSpool.CopyAsync(http.Request.Body, max, cancellationToken: cancellationToken);
        if (spool is null)
        {
            return TooLarge(max);
        }
        await using var file = spool.OpenRead();
        var report = await imports.ImportAsync(member!, file, dryRun ?? false, "API upload", cancellationToken: cancellationToken);
        return Results.Json(report, statusCode: report.Conflict ? StatusCodes.Status409Conflict
            : report.ErrorCount > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ExportAsync(
        string? from, string? to, MemberAccess? member, TimeLogExportService exports,
        IValidator<AnalysisQuery> validator, ExportGate gate, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        // The same period rules as the analysis, both ends optional.
        if (await validator.ProblemAsync(new AnalysisQuery(from, to, null), cancellationToken) is { } invalid)
        {
            return invalid;
        }
        IsoWeek? first = string.IsNullOrWhiteSpace(from) ? null : IsoWeek.Parse(from);
        IsoWeek? last = string.IsNullOrWhiteSpace(to) ? null : IsoWeek.Parse(to);
        if (await ExportGateResults.EnterAsync(gate, member.OrganizationId, context, cancellationToken) is { } busy)
        {
            return busy;
        }
        var name = $"timelogs-{member.OrganizationName.ToLowerInvariant().Replace(' ', '-')}{(first is null ? "" : $"-from-{first}")}{(last is null ? "" : $"-to-{last}")}.csv";
        return Results.Stream(
            async body => await exports.WriteCsvAsync(member, first, last, body, cancellationToken),
            "text/csv; charset=utf-8",
            name);
    }


    private static IResult TooLarge(long max) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"The file is larger than the import limit of {max / (1024 * 1024)} MB; split it by period and import the parts.");

}

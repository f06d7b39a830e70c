using System.Text;
using CsvHelper;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Web.Features.Workshops.Services;

namespace SalesSpec.Web.Features.Workshops.Api;

/// <summary>A workshop's answers to take away (docs/workshops.md).</summary>
public static class WorkshopEndpoints
{
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["answer", "name", "initials", "email", "role", "team", "activity", "function", "percent", "answered_at"];

    public static RouteGroupBuilder MapWorkshopEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{id:int}/workshops/{sessionId:int}/answers.csv", ExportAsync)
            .WithName("ExportWorkshopAnswers")
            .RequirePermission(Permission.PlanScenarios)
            .WithSummary("A workshop's answers as CSV: one line per answer and activity, with the share of the typical week in percent.")
            .Produces<string>(contentType: "text/csv");
        return api;
    }

    private static async Task<IResult> ExportAsync(int id, int sessionId, MemberAccess? member, WorkshopService workshops, CancellationToken cancellationToken)
    {
        var lines = await workshops.ExportAsync(member!, sessionId, cancellationToken);
        if (!lines.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workshop not found", detail: $"Organisation {id} has no workshop {sessionId}.");
        }
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\r\n", Injection = CsvInjection.None }, leaveOpen: true))
        {
            csv.WriteHeader([.. CsvColumns]);
            foreach (var line in lines.Value!)
            {
                csv.WriteRecord([
                    line.Answer.ToString(CultureInfo.InvariantCulture), Text(line.Name), Text(line.Initials), Text(line.Email), Text(line.Role), Text(line.Team),
                    Text(line.Activity), line.Function?.ToString() ?? "", line.Percent.ToString("0.##", CultureInfo.InvariantCulture),
                    line.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ]);
            }
            csv.Flush();
        }
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"workshop-{sessionId}-answers.csv");
    }

    // What people typed on their phones: a spreadsheet must not run it as a formula.
    private static string Text(string? value) => SpreadsheetText.Neutralise(value ?? "");
}

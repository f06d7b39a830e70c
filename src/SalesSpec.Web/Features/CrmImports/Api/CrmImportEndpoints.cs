using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports.Api;

/// <summary>CRM activity exports in (formats.md §2), classified by the organisation's saved rules.</summary>
public static class CrmImportEndpoints
{
    /// <summary>A Salesforce export is three files, HubSpot's four (and an owners list); more is a mistake.</summary>
    public const int MaxFiles = 10;

    public static IEndpointRouteBuilder MapCrmImportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/organizations/{id:int}/crm/import", ImportAsync)
            .RequirePermission(Permission.Import)
            .WithName("ImportCrmActivities")
            .WithSummary("Import CRM activity exports (multipart/form-data, one part per file: Salesforce Task.csv, Event.csv and User.csv, or HubSpot calls, meetings, emails and tasks) as time logs, classified by the organisation's saved rules. role names the role new reps join as. All or nothing: 200 with the report when imported (or, with dryRun=true, when it would be), 422 when nothing was written.")
            // No Accepts<>(…) here: it would answer 415 before authorisation, telling outsiders the route exists.
            .Produces<CrmImportReport>()
            .Produces<CrmImportReport>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/organizations/{id:int}/crm/layouts", LayoutsAsync)
            .RequireMembership()
            .WithName("GetCrmLayouts")
            .WithSummary("The layouts of columns the organisation saved for files SalesSpec does not recognise; an import names one with layout=Name.")
            .Produces<IReadOnlyList<CrmLayout>>();
        api.MapGet("/organizations/{id:int}/crm/rules", RulesAsync)
            .RequireMembership()
            .WithName("GetCrmRules")
            .WithSummary("The classification rules, in order, and the standard minutes per record type that CRM imports use (the defaults until someone saves their own).")
            .Produces<CrmRulesDocument>();
        return api;
    }

    private static async Task<IResult> ImportAsync(
        bool? dryRun, string? role, string? dateOrder, HttpContext http, MemberAccess? member,
        CrmRuleService rules, CrmImportService imports, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the files as a form",
                detail: "Send the export files as multipart/form-data, one part per file (curl -F file=@Task.csv -F file=@Event.csv -F file=@User.csv).");
        }
        var max = options.Value.MaxUploadBytes;
        if (!UploadLimit.Admits(http, max))
        {
            return TooLarge(max);
        }
        IFormCollection form;
        try
        {
            // Parts above 64 KB are buffered to temporary files by ASP.NET Core, not held in memory.
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max }, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A body cut short ends in an IOException from the multipart reader: the caller's fault, not the server's.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable form",
                detail: $"The multipart body could not be read ({Echo.Cut(exception.Message)}); send the whole body, one part per file.");
        }
        // The per-part limit does not bound the total when the server cannot cap the body (chunked uploads on some hosts).
        if (form.Files.Sum(f => f.Length) > max)
        {
            return TooLarge(max);
        }
        if (form.Files.Count > MaxFiles)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Too many files",
                detail: $"Send at most {MaxFiles} files: Task.csv, Event.csv and User.csv, or HubSpot's calls, meetings, emails and tasks exports.");
        }
        if (Choices(dateOrder, form["map"], form["person"], form["system"]) is not { } choices || !TryLayout(form, out var layout))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable choices",
                detail: "dateOrder is day-first or month-first; each map value is 'owner as the file writes it=rep's email' (map=Jane Doe=jane@example.com); person and system name a user (by email or name) who is, or is not, a person; durationUnit is seconds, minutes or hours; recordType is call, email, meeting or task.");
        }
        // What was said about owners in earlier imports still holds, unless this request says otherwise.
        var remembered = await rules.RememberedAsync(member, cancellationToken);
        if (layout is { Owner.Length: 0, Date.Length: 0, Duration: null, Subject: null, Type: null, Status: null } named)
        {
            // Only a name: one of the organisation's saved layouts.
            layout = remembered.SavedLayouts.FirstOrDefault(l => string.Equals(l.Name, named.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (layout is null)
            {
                var saved = remembered.SavedLayouts.Select(l => $"'{l.Name}'").ToList();
                return Results.Json(CrmImportReport.Failed(
                    [$"No layout of the organisation is named '{Echo.Cut(named.Name)}'. {(saved.Count == 0 ? "None is saved yet: map the columns with column.owner, column.date and the others, and name the layout with layout=." : $"Saved layouts: {string.Join(", ", saved)}.")}"],
                    dryRun ?? false), statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        }
        choices = choices with { Layout = layout };
        var files = form.Files.Select(f => new CrmFile(Path.GetFileName(f.FileName), f.OpenReadStream)).ToList();
        var report = await imports.ImportAsync(member, files, await rules.GetAsync(member, cancellationToken), role, dryRun ?? false,
            cancellationToken: cancellationToken, choices: choices.Over(remembered));
        if (report.Import.Imported)
        {
            await rules.RememberAsync(member, choices, cancellationToken);
        }
        return Results.Json(report, statusCode: report.Import.Conflict ? StatusCodes.Status409Conflict
            : report.Import.ErrorCount > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static async Task<IResult> LayoutsAsync(MemberAccess? member, CrmRuleService rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Results.Ok(await rules.LayoutsAsync(member, cancellationToken));
    }

    /// <summary>
    /// A layout as the API takes it: <c>layout=Name</c> alone names a saved one; with <c>column.owner</c>,
    /// <c>column.date</c>, <c>column.duration</c>, <c>column.subject</c>, <c>column.type</c>, <c>column.status</c>,
    /// <c>durationUnit</c> and <c>recordType</c> it maps the columns (and is saved under that name once imported).
    /// False when a unit or type cannot be read.
    /// </summary>
    private static bool TryLayout(IFormCollection form, out CrmLayout? layout)
    {
        layout = null;
        string? Value(string key) => form[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        var unit = CrmDurationUnit.Minutes;
        var type = Domain.Crm.CrmActivityType.Task;
        if (Value("durationUnit") is { } unitText && (!Enum.TryParse(unitText, ignoreCase: true, out unit) || !Enum.IsDefined(unit)))
        {
            return false;
        }
        if (Value("recordType") is { } typeText && (!Enum.TryParse(typeText, ignoreCase: true, out type) || !Enum.IsDefined(type)))
        {
            return false;
        }
        string[] columns = ["column.owner", "column.date", "column.duration", "column.subject", "column.type", "column.status"];
        if (Value("layout") is null && columns.All(c => Value(c) is null))
        {
            return true;
        }
        layout = new CrmLayout
        {
            Name = Value("layout") ?? "",
            Owner = Value("column.owner") ?? "",
            Date = Value("column.date") ?? "",
            Duration = Value("column.duration"),
            DurationUnit = unit,
            Subject = Value("column.subject"),
            Type = Value("column.type"),
            Status = Value("column.status"),
            RecordType = type,
        };
        return true;
    }

    private static async Task<IResult> RulesAsync(MemberAccess? member, CrmRuleService rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var form = await rules.GetAsync(member, cancellationToken);
        return Results.Ok(CrmRulesDocument.From(form));
    }

    /// <summary>
    /// The consultant's choices as the API takes them: <c>dateOrder=day-first</c>, and <c>map=Owner=email</c>,
    /// <c>person=User</c> and <c>system=User</c> form values.
    /// </summary>
    private static CrmImportChoices? Choices(string? dateOrder, IEnumerable<string?> map, IEnumerable<string?> people, IEnumerable<string?> systems)
    {
        CrmDateOrder? order = null;
        if (!string.IsNullOrWhiteSpace(dateOrder))
        {
            if (!Enum.TryParse<CrmDateOrder>(dateOrder.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return null;
            }
            order = parsed;
        }
        var owners = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in map.OfType<string>())
        {
            var split = entry.LastIndexOf('=');
            if (split <= 0 || !EmailAddress.TryNormalize(entry[(split + 1)..], out var email))
            {
                return null;
            }
            owners[entry[..split].Trim()] = new CrmOwner(email, entry[..split].Trim());
        }
        var overrides = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in systems.OfType<string>().Where(u => u.Trim().Length > 0))
        {
            overrides[user.Trim()] = false;
        }
        foreach (var user in people.OfType<string>().Where(u => u.Trim().Length > 0))
        {
            overrides[user.Trim()] = true;
        }
        return new CrmImportChoices { DateOrder = order, OwnerMap = owners, UserOverrides = overrides };
    }

    private static IResult TooLarge(long max) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Files too large",
            detail: $"The files are larger than the import limit of {max / (1024 * 1024)} MB together; export a shorter period that starts on a Monday, and import all its files together.");
}

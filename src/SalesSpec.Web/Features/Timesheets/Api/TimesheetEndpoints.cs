using FluentValidation.Results;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Timesheets.Api;

/// <summary>The signed-in rep's own weeks: read, replace, submit — the same service and validator as the "My week" page.</summary>
public static class TimesheetEndpoints
{
    public static IEndpointRouteBuilder MapTimesheetEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/weeks/{week}", GetWeekAsync)
            .WithName("GetMyWeek")
            .WithSummary("The caller's own week (e.g. 2026-W47): hours per activity, status and version.")
            .Produces<WeekDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/me/weeks/{week}", PutWeekAsync)
            .WithName("PutMyWeek")
            .WithSummary("Replace the caller's week as a draft. Send the version you read (null for a new week); a stale version gets 409.")
            .Produces<WeekDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/me/weeks/{week}/submit", SubmitWeekAsync)
            .WithName("SubmitMyWeek")
            .WithSummary("Submit the caller's week for approval, as last saved.")
            .Produces<WeekDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetWeekAsync(
        string week, int? organization, ClaimsPrincipal user, OrganizationAccess access, WeekService weeks, CancellationToken cancellationToken)
    {
        var (member, isoWeek, error) = await ResolveAsync(week, organization, user, access, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var outcome = await weeks.GetAsync(member!, member!.RepId!.Value, isoWeek, cancellationToken);
        return ToResult(member, outcome);
    }

    private static async Task<IResult> PutWeekAsync(
        string week, int? organization, WeekUpdate update, ClaimsPrincipal user, OrganizationAccess access, WeekService weeks, CancellationToken cancellationToken)
    {
        var (member, isoWeek, error) = await ResolveAsync(week, organization, user, access, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var current = await weeks.GetAsync(member!, member!.RepId!.Value, isoWeek, cancellationToken);
        if (!current.Succeeded)
        {
            return ToResult(member, current);
        }
        if (update?.Entries is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["entries"] = ["Send the week's entries (an empty list clears the week)."] });
        }

        var catalogue = current.Value!.Activities.ToDictionary(a => TimeLogCsvOptions.ActivityKey(a.Name));
        var errors = new Dictionary<string, string[]>();
        var entry = new WeekEntry { Mode = update.Mode ?? EntryMode.Hours, CapacityHours = current.Value.CapacityHours };
        for (var i = 0; i < update.Entries.Count; i++)
        {
            var name = update.Entries[i].Activity;
            if (string.IsNullOrWhiteSpace(name) || !catalogue.TryGetValue(TimeLogCsvOptions.ActivityKey(name), out var activity))
            {
                errors[$"entries[{i}].activity"] = [string.IsNullOrWhiteSpace(name)
                    ? "The activity is required."
                    : $"There is no activity named '{name}'. Activities: {string.Join(", ", current.Value.Activities.Select(a => a.Name))}."];
                continue;
            }
            entry.Lines.Add(new WeekEntryLine { ActivityId = activity.ActivityId, Activity = activity.Name, Function = activity.Function, Value = update.Entries[i].Value });
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var outcome = await weeks.SaveAsync(member, member.RepId.Value, isoWeek, entry, update.Version, cancellationToken: cancellationToken);
        return ToResult(member, outcome);
    }

    private static async Task<IResult> SubmitWeekAsync(
        string week, int? organization, WeekSubmission submission, ClaimsPrincipal user, OrganizationAccess access, WeekService weeks, CancellationToken cancellationToken)
    {
        var (member, isoWeek, error) = await ResolveAsync(week, organization, user, access, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var outcome = await weeks.SubmitAsync(member!, member!.RepId!.Value, isoWeek, submission?.Version, cancellationToken);
        return ToResult(member, outcome);
    }

    /// <summary>The caller's rep membership (they may be a rep in several organisations) and the week.</summary>
    private static async Task<(MemberAccess? Member, IsoWeek Week, IResult? Error)> ResolveAsync(
        string week, int? organization, ClaimsPrincipal user, OrganizationAccess access, CancellationToken cancellationToken)
    {
        if (!IsoWeek.TryParse(week, out var isoWeek))
        {
            return (null, default, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["week"] = [$"'{week}' is not an ISO week: use the form 2026-W47 (or a date in the week, 2026-11-16)."],
            }));
        }
        var reps = (await access.MembershipsAsync(user, cancellationToken)).Where(m => m.RepId is not null).ToList();
        var member = organization is int id ? reps.FirstOrDefault(m => m.OrganizationId == id) : reps.Count == 1 ? reps[0] : null;
        if (member is not null)
        {
            return (member, isoWeek, null);
        }
        if (organization is null && reps.Count > 1)
        {
            return (null, isoWeek, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["organization"] = [$"You are a rep in several organisations; choose one with ?organization= ({string.Join(", ", reps.Select(r => $"{r.OrganizationId}: {r.OrganizationName}"))})."],
            }));
        }
        return (null, isoWeek, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No week of yours",
            detail: organization is null
                ? "You are not a rep in any organisation: only reps have weeks of their own."
                : $"You are not a rep in organisation {organization}."));
    }

    private static IResult ToResult(MemberAccess member, Outcome<WeekView> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => Results.ValidationProblem(
            outcome.Findings.Any(f => f.Severity == FluentValidation.Severity.Error)
                ? outcome.Findings.Where(f => f.Severity == FluentValidation.Severity.Error)
                    .GroupBy(f => ApiName(f))
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray())
                : new Dictionary<string, string[]> { ["week"] = [outcome.Message] },
            detail: outcome.Findings.Count > 0 ? outcome.Message : null),
        _ => outcome.ToResult(view => Results.Ok(WeekDocument.From(member.OrganizationId, view, outcome.Warnings.Select(w => w.ErrorMessage)))),
    };

    // The validator speaks of the form's Lines[i].Value; the API of entries[i].value.
    private static string ApiName(ValidationFailure failure) =>
        failure.PropertyName.StartsWith("Lines", StringComparison.Ordinal)
            ? "entries" + failure.PropertyName["Lines".Length..].Replace(".Value", ".value", StringComparison.Ordinal)
            : "entries";
}

using FluentValidation;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>
/// Imports CRM activity exports (formats.md §2) as time logs: the files are read and classified in one
/// pass each, into hours per rep, week and activity (memory per rep-week, not per record); those rows
/// then go through the time-log import — staging, locked weeks, new reps, one merge, the audit entry —
/// so re-importing an export replaces the weeks it derived, and a bad export writes nothing.
/// </summary>
public sealed class CrmImportService(TimeLogImportService imports, IValidator<CrmRulesForm> validator, IValidator<CrmLayout> layoutValidator)
{
    public const decimal MaxWeekHours = 100m;

    public async Task<CrmImportReport> ImportAsync(
        MemberAccess member,
        IReadOnlyList<CrmFile> files,
        CrmRulesForm rules,
        string? newRepRole,
        bool dryRun,
        CrmImportChoices? choices = null,
        IProgress<string>? status = null,
        CancellationToken cancellationToken = default)
    {
        choices ??= new CrmImportChoices();
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rules);
        var check = await validator.CheckAsync(rules, cancellationToken);
        if (!check.Succeeded)
        {
            return CrmImportReport.Failed(check.Errors.ToList(), dryRun);
        }
        if (choices.Layout is { } layout && await layoutValidator.CheckAsync(layout, cancellationToken) is { Succeeded: false } layoutCheck)
        {
            return CrmImportReport.Failed(layoutCheck.Errors.ToList(), dryRun);
        }

        var classification = rules.ToRules();
        var workload = new CrmWorkload(classification, rules.ToMinutes());
        CrmExportReport? read = null;
        Dictionary<string, SalesFunction> functions = [];
        var existing = new HashSet<string>(StringComparer.Ordinal);

        var report = await imports.ImportRowsAsync(member, dryRun, (target, ct) =>
        {
            // Each try (the import retries once after a transient fault) counts the records afresh.
            workload = new CrmWorkload(classification, rules.ToMinutes());
            functions = target.Organization.Activities.ToDictionary(a => a.Name, a => a.Function, StringComparer.OrdinalIgnoreCase);
            existing.UnionWith(target.ExistingReps.Keys);
            // A HubSpot owner given by name is matched to a rep of that name (names shared by two reps match neither).
            var repsByName = target.ExistingReps
                .GroupBy(r => r.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.OrdinalIgnoreCase);
            read = CrmExportReader.Read(
                files,
                new CrmExportOptions
                {
                    RepsByName = repsByName,
                    TimeZone = LocalDay.Zone(target.Organization.TimeZone),
                    MaxProblems = TimeLogImportService.MaxErrorsListed,
                    StandardDayMinutes = target.Organization.StandardWeeklyHours / 5m * 60m,
                    DateOrder = choices.DateOrder,
                    OwnerMap = choices.OwnerMap,
                    UserOverrides = choices.UserOverrides,
                    Layout = choices.Layout,
                    SavedLayouts = choices.SavedLayouts,
                },
                record =>
                {
                    ct.ThrowIfCancellationRequested();
                    workload.Add(record);
                },
                workload.Skip);

            var errors = read.Problems.Select(p => new ImportError(p.Line, p.Column, p.Reason, p.File)).ToList();
            var errorCount = read.ProblemCount;
            if (!dryRun && errorCount == 0 && read.RecordsResolved == 0 && read.UnmatchedOwners.Count > 0)
            {
                // Never a success that imports nothing: say what would let the owners resolve.
                var files = string.Join(", ", read.Files.Where(f => f.Kind is not (CrmFileKind.Users or CrmFileKind.Unknown)).Select(f => f.Name));
                errors.Add(new ImportError(0, "", $"No record in {files} has an owner SalesSpec knows: the owners ({string.Join(", ", read.UnmatchedOwners.Take(3).Select(o => $"'{o.Owner}'"))}{(read.UnmatchedOwners.Count > 3 ? ", …" : "")}) are not reps of the organisation. Add the users export (HubSpot: Settings › Users & Teams › Export users; Salesforce: User.csv), or map each owner to a rep in the preview."));
                errorCount++;
            }
            var hours = workload.WeeklyHours();
            foreach (var week in hours.GroupBy(h => (h.Email, h.Week)).Where(g => g.Sum(h => h.Hours) > MaxWeekHours))
            {
                errors.Add(new ImportError(0, "", string.Create(CultureInfo.InvariantCulture,
                    $"Rep {week.Key.Email}'s week {week.Key.Week} comes to {week.Sum(h => h.Hours):0.#} hours from {week.Sum(h => h.Records)} records, more than {MaxWeekHours:0}; check the durations in the export, or the standard minutes.")));
                errorCount++;
            }
            foreach (var activity in hours.Select(h => h.Activity).Distinct().Where(a => !target.ActivityIds.ContainsKey(a)))
            {
                errors.Add(new ImportError(0, "", $"A rule books records on '{activity}', which is no longer one of the organisation's activities; change the rule."));
                errorCount++;
            }
            // Staged even when there are problems, so that locked weeks are reported with them (all is rolled back then).
            foreach (var row in hours.Where(h => target.ActivityIds.ContainsKey(h.Activity)))
            {
                // Line 0: the rows come from many records, not from one line of a file.
                target.Staging.Add(0, row.Email, row.Week.Monday, target.ActivityIds[row.Activity], (long)(row.Hours * 10_000m));
            }

            var newOwners = workload.Owners.Keys.Where(e => !target.ExistingReps.ContainsKey(e)).ToList();
            var role = target.Organization.Roles.FirstOrDefault(r => string.Equals(r.Name, newRepRole?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (newOwners.Count > 0 && role is null)
            {
                errors.Add(new ImportError(0, "", $"{newOwners.Count} of the activity owners are not reps of the organisation yet ({string.Join(", ", newOwners.Take(5))}{(newOwners.Count > 5 ? ", …" : "")}); choose the role they join as. Roles: {string.Join(", ", target.Organization.Roles.Select(r => r.Name))}."));
                errorCount++;
            }
            var reps = role is null
                ? []
                : newOwners.Select(e => new CsvRep(e, workload.Owners[e] is { } owner && TextRules.Printable(owner).Length > 0 ? TextRules.Printable(owner) : NameFromEmail(e), null, role.Name, 0)).ToList();
            return new ImportRead(workload.RecordsRead, errors, errorCount, [], reps, []);
        }, r => AuditSummary(files, workload, r), cancellationToken, status);

        var weekly = workload.WeeklyHours()
            .Where(h => functions.ContainsKey(h.Activity))
            .Select(h => new CrmWeekRow(h.Email, h.Week.ToString(), h.Activity, functions[h.Activity], h.Hours, h.Records))
            .ToList();
        return new CrmImportReport
        {
            Import = report,
            Files = read?.Files ?? [],
            UnmatchedOwners = read?.UnmatchedOwners ?? [],
            SystemUsers = read?.SystemUsers ?? [],
            InactiveOwners = read?.InactiveOwners ?? [],
            Notes = read?.Notes ?? [],
            RecordsRead = workload.RecordsRead,
            RecordsMatched = workload.Matched,
            Skipped = workload.Skipped,
            SkippedSample = workload.SkipSamples,
            Rules = workload.RuleHits
                .Select(h => new CrmRuleUse(h.Rule + 1, classification[h.Rule].Describe(), classification[h.Rule].Activity, h.Records, Math.Round(h.Minutes / 60m, 2)))
                .ToList(),
            Reps = RepHours(weekly, workload, existing),
            WeeklyHours = weekly,
        };
    }

    /// <summary>"ravi.shah@…" → "Ravi Shah": a new rep needs a name, and HubSpot often gives only the address.</summary>
    public static string NameFromEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var local = email.Split('@')[0];
        var words = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var name = string.Join(' ', words);
        return name.Length == 0 ? email : name;
    }

    private static List<CrmRepHours> RepHours(IReadOnlyList<CrmWeekRow> weekly, CrmWorkload workload, HashSet<string> existing) =>
        weekly.GroupBy(w => w.Email)
            .Select(rep =>
            {
                var weeks = rep.Select(w => w.Week).Distinct().Order(StringComparer.Ordinal).ToList();
                var byFunction = rep.GroupBy(w => w.Function)
                    .ToDictionary(g => g.Key, g => Math.Round(g.Sum(w => w.Hours) / weeks.Count, 2));
                return new CrmRepHours(
                    rep.Key,
                    workload.Owners.GetValueOrDefault(rep.Key) ?? NameFromEmail(rep.Key),
                    !existing.Contains(rep.Key),
                    weeks.Count,
                    weeks[0],
                    weeks[^1],
                    Math.Round(rep.Sum(w => w.Hours), 2),
                    byFunction);
            })
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string AuditSummary(IReadOnlyList<CrmFile> files, CrmWorkload workload, TimeLogImportReport report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"imported CRM activity from {string.Join(", ", files.Select(f => $"'{f.Name}'"))}: {workload.RecordsRead:N0} records, {workload.Matched:N0} classified, {workload.SkippedCount:N0} without hours; {report.WeeksReplaced:N0} rep-weeks replaced ({report.FirstWeek}–{report.LastWeek}), {report.HoursImported:0.##} h, {report.RepsCreated} reps created.");
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Domain.Workshops;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Members.Services;

namespace SalesSpec.Web.Features.Audit;

/// <summary>
/// Says what a tracked change did, in the words of the person who reads the audit log: a verb phrase that follows
/// the actor's name ("moved Kara Lopez from Full-Cycle Rep to Market Response Rep"), with people, teams, roles and
/// activities by name as they were at the time, never ids, GUIDs or JSON. Empty when nothing worth telling changed
/// (a version number or a timestamp alone).
/// </summary>
internal static partial class AuditWording
{
    // Bookkeeping columns: they change with every save and tell a reader nothing.
    private static readonly HashSet<string> Silent =
    [
        "Id", "OrganizationId", "Version", "TokenHash", "CreatedAt", "UpdatedAt", "SubmittedAt", "ReviewedAt", "ReviewedBy",
        "ReviewComment", "InvitedByUserId", "IsCatchAll",
    ];

    public static async Task<string> DescribeAsync(EntityEntry entry, AuditNames names)
    {
        var change = new Change(entry);
        var text = entry.Entity switch
        {
            Organization => OrganizationText(change),
            Team => TeamText(change),
            Role => RoleText(change),
            Rep => await RepAsync(change, names),
            Activity => ActivityText(change),
            TimeLog => await TimeLogAsync(change, names),
            MonthlyLeadCount => LeadCount(change),
            Membership => await MembershipAsync(change, names),
            ManagedTeam => await ManagedTeamAsync(change, names),
            Invitation => await InvitationAsync(change, names),
            Timesheet => await TimesheetAsync(change, names),
            LockPeriod => await LockAsync(change, names),
            Scenario => ScenarioText(change),
            WorkshopSession => WorkshopText(change),
            CrmRuleSet => CrmRules(change),
            _ => Generic(change, entry.Metadata.ClrType.Name),
        };
        return text.Length > 2000 ? text[..1999] + "…" : text;
    }

    private static string OrganizationText(Change c)
    {
        if (c.Deleted)
        {
            return $"deleted the organisation {c.Old<string>("Name")}";
        }
        if (c.Added)
        {
            return $"created the organisation {c.New<string>("Name")}";
        }
        return c.Clauses(
            ("Name", () => $"renamed the organisation from “{c.Old<string>("Name")}” to “{c.New<string>("Name")}”"),
            ("Template", () => $"changed the template from {Labels.Of(c.Old<OrganizationTemplate>("Template"))} to {Labels.Of(c.New<OrganizationTemplate>("Template"))}"),
            ("Threshold", () => $"moved the 80/20 line from {Shares.PercentHundredths(c.Old<decimal>("Threshold"))} to {Shares.PercentHundredths(c.New<decimal>("Threshold"))}"),
            ("StandardWeeklyHours", () => $"changed the standard week from {Hours(c.Old<decimal>("StandardWeeklyHours"))} to {Hours(c.New<decimal>("StandardWeeklyHours"))}"),
            ("InboundLeadsPerMonth", () => $"changed the inbound-lead estimate from {Leads(c.Old<int?>("InboundLeadsPerMonth"))} to {Leads(c.New<int?>("InboundLeadsPerMonth"))}"),
            ("HasSimpleSalesProcess", () => c.New<bool>("HasSimpleSalesProcess") ? "marked the sales process as simple" : "marked the sales process as not simple"),
            ("SucceedsWithGeneralists", () => c.New<bool>("SucceedsWithGeneralists") ? "said generalists succeed here" : "said generalists do not succeed here"),
            ("TimeZone", () => $"changed the time zone from {c.Old<string>("TimeZone")} to {c.New<string>("TimeZone")}"),
            ("Currency", () => $"changed the currency from {c.Old<string>("Currency")} to {c.New<string>("Currency")}"),
            ("IsArchived", () => c.New<bool>("IsArchived") ? "archived the organisation" : "restored the organisation from the archive"));
    }

    private static string TeamText(Change c)
    {
        var name = c.Current<string>("Name");
        if (c.Added || c.Deleted)
        {
            return $"{(c.Added ? "created" : "deleted")} team {name}";
        }
        return c.Clauses(
            ("Name", () => $"renamed team “{c.Old<string>("Name")}” to “{c.New<string>("Name")}”"),
            ("IsArchived", () => c.New<bool>("IsArchived") ? $"archived team {name}" : $"restored team {name}"));
    }

    private static string RoleText(Change c)
    {
        var name = c.Current<string>("Name");
        if (c.Added)
        {
            var cost = c.New<decimal?>("AnnualLoadedCost");
            return $"created role {name} (core workload {Labels.Of(c.New<Workload>("CoreWorkload")).ToLowerInvariant()}" +
                   (cost is null ? "" : $", annual loaded cost {Money(cost)}") + $", {c.New<int>("RampMonths")} months to ramp)";
        }
        if (c.Deleted)
        {
            return $"deleted role {name}";
        }
        return c.Clauses(
            ("Name", () => $"renamed role “{c.Old<string>("Name")}” to “{c.New<string>("Name")}”"),
            ("CoreWorkload", () => $"changed the core workload of {name} from {Labels.Of(c.Old<Workload>("CoreWorkload")).ToLowerInvariant()} to {Labels.Of(c.New<Workload>("CoreWorkload")).ToLowerInvariant()}"),
            ("IsAnalysed", () => c.New<bool>("IsAnalysed") ? $"included {name} in the analysis" : $"left {name} out of the analysis"),
            ("AnnualLoadedCost", () => $"changed the annual loaded cost of {name} from {Money(c.Old<decimal?>("AnnualLoadedCost"))} to {Money(c.New<decimal?>("AnnualLoadedCost"))}"),
            ("RampMonths", () => $"changed the ramp of {name} from {Months(c.Old<int>("RampMonths"))} to {Months(c.New<int>("RampMonths"))}"));
    }

    private static async Task<string> RepAsync(Change c, AuditNames names)
    {
        // The person as they were known before this change: a rename reads "renamed Kara Lopez to Kara Smith".
        var name = c.Added ? c.New<string>("Name") : c.Old<string>("Name");
        if (c.Added)
        {
            var fte = c.New<decimal>("Fte");
            return $"added {name} as {await names.RoleAsync(c.New<int>("RoleId"))} in {await names.TeamAsync(c.New<int?>("TeamId"))}" +
                   (fte == 1m ? "" : $" at {Number(fte)} FTE");
        }
        if (c.Deleted)
        {
            return $"deleted {name}";
        }
        var oldRole = await names.RoleAsync(c.Old<int>("RoleId"));
        var newRole = await names.RoleAsync(c.New<int>("RoleId"));
        var oldTeam = await names.TeamAsync(c.Old<int?>("TeamId"));
        var newTeam = await names.TeamAsync(c.New<int?>("TeamId"));
        var fromWeek = names.TeamMoveWeek(c.Current<int>("Id")) is { } week ? $" from {Week(week)}" : "";
        return c.Clauses(
            ("Name", () => $"renamed {name} to {c.New<string>("Name")}"),
            ("RoleId", () => $"moved {name} from {oldRole} to {newRole}"),
            ("TeamId", () => $"moved {name} from {oldTeam} to {newTeam}{fromWeek}"),
            ("Fte", () => $"changed the FTE of {name} from {Number(c.Old<decimal>("Fte"))} to {Number(c.New<decimal>("Fte"))}"),
            ("Email", () => $"changed the e-mail of {name} from {Text(c.Old<string>("Email"))} to {Text(c.New<string>("Email"))}"),
            ("IsActive", () => c.New<bool>("IsActive") ? $"reactivated {name}" : $"deactivated {name}"));
    }

    private static string ActivityText(Change c)
    {
        var name = Labels.OfActivity(c.Added ? c.New<string>("Name") : c.Old<string>("Name"));
        if (c.Added)
        {
            return $"added the activity {name} ({Labels.Of(c.New<SalesFunction>("Function")).ToLowerInvariant()})";
        }
        if (c.Deleted)
        {
            return $"deleted the activity {name}";
        }
        return c.Clauses(
            ("Name", () => $"renamed the activity “{name}” to “{Labels.OfActivity(c.New<string>("Name"))}”"),
            ("Function", () => $"changed the activity {name} from {Labels.Of(c.Old<SalesFunction>("Function")).ToLowerInvariant()} to {Labels.Of(c.New<SalesFunction>("Function")).ToLowerInvariant()}"),
            ("SortOrder", () => $"moved the activity {name} from place {c.Old<int>("SortOrder") + 1} to place {c.New<int>("SortOrder") + 1}"),
            ("IsArchived", () => c.New<bool>("IsArchived") ? $"archived the activity {name}" : $"restored the activity {name}"));
    }

    private static async Task<string> TimeLogAsync(Change c, AuditNames names)
    {
        var rep = await names.RepAsync(c.Current<int>("RepId"));
        var week = Week(c.Current<DateOnly>("WeekStart"));
        var activity = await names.ActivityAsync(c.Current<int>("ActivityId"));
        if (c.Added)
        {
            return $"logged {Hours(c.New<decimal>("Hours"))} of {activity} for {rep} in {week}";
        }
        if (c.Deleted)
        {
            return $"removed {Hours(c.Old<decimal>("Hours"))} of {activity} from {rep}'s {week}";
        }
        var oldActivity = await names.ActivityAsync(c.Old<int>("ActivityId"));
        return c.Clauses(
            ("Hours", () => $"changed {rep}'s {activity} in {week} from {Hours(c.Old<decimal>("Hours"))} to {Hours(c.New<decimal>("Hours"))}"),
            ("ActivityId", () => $"moved {rep}'s {week} hours from {oldActivity} to {activity}"),
            ("WeekStart", () => $"moved {rep}'s {activity} hours from {Week(c.Old<DateOnly>("WeekStart"))} to {week}"));
    }

    private static string LeadCount(Change c)
    {
        var month = c.Current<DateOnly>("Month").ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        if (c.Added)
        {
            return $"recorded {Number(c.New<int>("InboundLeads"))} inbound leads for {month}";
        }
        if (c.Deleted)
        {
            return $"removed the inbound-lead count of {month}";
        }
        return c.Clauses(("InboundLeads", () => $"changed the inbound leads of {month} from {Number(c.Old<int>("InboundLeads"))} to {Number(c.New<int>("InboundLeads"))}"));
    }

    private static async Task<string> MembershipAsync(Change c, AuditNames names)
    {
        var userId = c.Current<string>("UserId");
        var user = await names.UserAsync(userId);
        if (c.Added)
        {
            var rep = c.New<int?>("RepId");
            var linked = rep is null ? "" : $", as {await names.RepAsync(rep)}";
            return names.IsActor(userId)
                ? $"joined as {c.New<MemberRole>("Role")}{linked}"
                : $"gave {user} access as {c.New<MemberRole>("Role")}{linked}";
        }
        if (c.Deleted)
        {
            return $"removed the access of {user} ({c.Old<MemberRole>("Role")})";
        }
        var oldRep = c.Old<int?>("RepId") is { } was ? await names.RepAsync(was) : null;
        var newRep = c.New<int?>("RepId") is { } now ? await names.RepAsync(now) : null;
        return c.Clauses(
            ("Role", () => $"changed the role of {user} from {c.Old<MemberRole>("Role")} to {c.New<MemberRole>("Role")}"),
            ("RepId", () => newRep is null ? $"unlinked {user} from {oldRep}" : $"linked {user} to {newRep}"));
    }

    private static async Task<string> ManagedTeamAsync(Change c, AuditNames names)
    {
        var userId = await names.MemberUserIdAsync(c.Current<int>("MembershipId"));
        var user = await names.UserAsync(userId);
        var team = await names.TeamAsync(c.Current<int>("TeamId"));
        if (names.IsActor(userId))
        {
            return c.Added ? $"became a manager of {team}" : c.Deleted ? $"stopped managing {team}" : "";
        }
        return c.Added ? $"made {user} a manager of {team}" : c.Deleted ? $"removed {user} as a manager of {team}" : "";
    }

    private static async Task<string> InvitationAsync(Change c, AuditNames names)
    {
        var email = c.Current<string>("Email");
        if (c.Added)
        {
            var rep = c.New<int?>("RepId");
            return $"invited {email} as {c.New<MemberRole>("Role")}" + (rep is null ? "" : $" for {await names.RepAsync(rep)}");
        }
        if (c.Deleted)
        {
            return $"deleted the invitation of {email}";
        }
        return c.Clauses(
            ("AcceptedAt", () => $"accepted the invitation sent to {email}"),
            ("RevokedAt", () => $"revoked the invitation of {email}"),
            ("ExpiresAt", () => $"renewed the invitation of {email} until {c.New<DateTimeOffset>("ExpiresAt").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
            ("Role", () => $"changed the invitation of {email} from {c.Old<MemberRole>("Role")} to {c.New<MemberRole>("Role")}"));
    }

    private static async Task<string> TimesheetAsync(Change c, AuditNames names)
    {
        var whose = $"{await names.RepAsync(c.Current<int>("RepId"))}'s week {Week(c.Current<DateOnly>("WeekStart"))}";
        if (c.Deleted)
        {
            return $"deleted {whose}";
        }
        if (c.Added)
        {
            return c.New<TimesheetStatus>("Status") == TimesheetStatus.Draft ? $"started {whose}" : Status(c, whose);
        }
        return c.Clauses(("Status", () => Status(c, whose)));
    }

    private static string Status(Change c, string whose)
    {
        var comment = c.New<string?>("ReviewComment");
        return c.New<TimesheetStatus>("Status") switch
        {
            TimesheetStatus.Submitted => $"submitted {whose}",
            TimesheetStatus.Approved => $"approved {whose}",
            TimesheetStatus.Rejected => $"sent back {whose}" + (string.IsNullOrWhiteSpace(comment) ? "" : $": “{comment}”"),
            _ => $"reopened {whose}",
        };
    }

    private static async Task<string> LockAsync(Change c, AuditNames names)
    {
        var teams = c.Current<int?>("TeamId") is { } team ? await names.TeamAsync(team) : "all teams";
        if (c.Added)
        {
            return $"locked {teams} through {Week(c.New<DateOnly>("LockedThrough"))}";
        }
        if (c.Deleted)
        {
            return $"unlocked {teams} (locked through {Week(c.Old<DateOnly>("LockedThrough"))})";
        }
        return c.Clauses(("LockedThrough", () => $"moved the lock of {teams} from {Week(c.Old<DateOnly>("LockedThrough"))} to {Week(c.New<DateOnly>("LockedThrough"))}"));
    }

    private static string ScenarioText(Change c)
    {
        var name = c.Added ? c.New<string>("Name") : c.Old<string>("Name");
        if (c.Added || c.Deleted)
        {
            return $"{(c.Added ? "created" : "deleted")} the scenario “{name}”";
        }
        return c.Clauses(
            ("Name", () => $"renamed the scenario “{name}” to “{c.New<string>("Name")}”"),
            ("Notes", () => $"edited the notes of “{name}”"),
            ("PeriodStart", () => $"changed the period of “{name}” to {Week(c.New<DateOnly>("PeriodStart"))} – {Week(c.New<DateOnly>("PeriodEnd"))}"),
            ("PeriodEnd", () => c.IsChanged("PeriodStart") ? "" : $"changed the period of “{name}” to {Week(c.New<DateOnly>("PeriodStart"))} – {Week(c.New<DateOnly>("PeriodEnd"))}"),
            ("StartMonth", () => $"changed the start month of “{name}” from {Month(c.Old<DateOnly>("StartMonth"))} to {Month(c.New<DateOnly>("StartMonth"))}"),
            ("Focus", () => $"changed the focus of “{name}” from {Focus(c.Old<Workload?>("Focus"))} to {Focus(c.New<Workload?>("Focus"))}"),
            ("Roles", () => $"changed the moves in “{name}” ({Count(c.Old<IReadOnlyDictionary<string, string>>("Roles")?.Count, "person", "people")} moved before, {Count(c.New<IReadOnlyDictionary<string, string>>("Roles")?.Count, "person", "people")} now)"),
            ("Hires", () => $"changed the hires in “{name}” ({Count(c.Old<IReadOnlyList<ScenarioHire>>("Hires")?.Count, "hire", "hires")} before, {Count(c.New<IReadOnlyList<ScenarioHire>>("Hires")?.Count, "hire", "hires")} now)"),
            ("HandOffs", () => $"changed the hand-offs in “{name}” ({Count(c.Old<IReadOnlyDictionary<string, string>>("HandOffs")?.Count, "hand-off", "hand-offs")} before, {Count(c.New<IReadOnlyDictionary<string, string>>("HandOffs")?.Count, "hand-off", "hand-offs")} now)"));
    }

    private static string WorkshopText(Change c)
    {
        var title = c.Added ? c.New<string>("Title") : c.Old<string>("Title");
        if (c.Added || c.Deleted)
        {
            return $"{(c.Added ? "opened" : "deleted")} the workshop “{title}”";
        }
        return c.Clauses(
            ("Title", () => $"renamed the workshop “{title}” to “{c.New<string>("Title")}”"),
            ("ClosedAt", () => c.New<DateTimeOffset?>("ClosedAt") is null ? $"reopened the workshop “{title}”" : $"closed the workshop “{title}”"),
            ("IsRevealed", () => c.New<bool>("IsRevealed") ? $"revealed the answers of the workshop “{title}”" : $"hid the answers of the workshop “{title}”"));
    }

    private static string CrmRules(Change c)
    {
        if (c.Deleted)
        {
            return "went back to the default CRM rules";
        }
        var list = c.Current<IReadOnlyList<ClassificationRule>>("Rules") ?? [];
        // The rules themselves, in order, as people read them on the page: an auditor can see what classified what.
        var rules = $"{Count(list.Count, "rule", "rules")}: " + string.Join("; ", list.Select(Rule));
        if (c.Added)
        {
            return $"saved the CRM rules ({rules})";
        }
        var rulesChanged = c.IsChanged("Rules");
        var minutesChanged = c.IsChanged("StandardMinutes");
        return (rulesChanged, minutesChanged) switch
        {
            (true, true) => $"saved the CRM rules ({rules}) and the standard minutes per activity type",
            (true, false) => $"saved the CRM rules ({rules})",
            (false, true) => "changed the standard minutes per CRM activity type",
            _ => "",
        };
    }

    private static string Rule(ClassificationRule rule, int index)
    {
        var conditions = new List<string>();
        if (rule.Type is { } type)
        {
            conditions.Add(type.ToString().ToLowerInvariant() + "s");
        }
        if (rule.AttachedTo is { } link)
        {
            conditions.Add($"on {link.ToString().ToLowerInvariant()}");
        }
        if (rule.Keywords.Count > 0)
        {
            conditions.Add($"with “{string.Join(", ", rule.Keywords)}”");
        }
        return $"{index + 1}. {(conditions.Count == 0 ? "anything" : string.Join(" ", conditions))} → {Labels.OfActivity(rule.Activity)}";
    }

    /// <summary>Entities without their own words: each changed property by its plain name.</summary>
    private static string Generic(Change c, string type)
    {
        var thing = Words(type);
        var properties = c.Entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Silent.Contains(p.Metadata.Name)).ToList();
        if (c.Added || c.Deleted)
        {
            return $"{(c.Added ? "created" : "deleted")} a {thing}";
        }
        return string.Join("; ", properties.Where(p => c.IsChanged(p.Metadata.Name))
            .Select(p => $"changed the {Words(p.Metadata.Name)} of a {thing} from {Show(p.OriginalValue)} to {Show(p.CurrentValue)}"));
    }

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"“{s}”",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.ICollection list => Count(list.Count, "item", "items"),
        _ => value.ToString() ?? "",
    };

    private static string Words(string name) => PascalWords().Replace(name, " $1").Trim().ToLowerInvariant();

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal? value) => value is null ? "none" : value.Value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";

    private static string Leads(int? leads) => leads is null ? "none" : $"{Number(leads.Value)} a month";

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "none" : value;

    private static string Week(DateOnly monday) => IsoWeek.Containing(monday).ToString();

    private static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Focus(Workload? focus) => focus is null ? "none" : Labels.Of(focus.Value).ToLowerInvariant();

    private static string Count(int? count, string one, string many) => (count ?? 0) == 1 ? $"1 {one}" : $"{count ?? 0} {many}";

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalWords();

    /// <summary>One tracked change: old and new values by property name, and which of them really changed.</summary>
    private sealed class Change(EntityEntry entry)
    {
        public EntityEntry Entry { get; } = entry;

        public bool Added => Entry.State == EntityState.Added;

        public bool Deleted => Entry.State == EntityState.Deleted;

        public T Old<T>(string property) => (T)Entry.Property(property).OriginalValue!;

        public T New<T>(string property) => (T)Entry.Property(property).CurrentValue!;

        /// <summary>The value that identifies the row in a sentence: the old one once it is deleted.</summary>
        public T Current<T>(string property) => Deleted ? Old<T>(property) : New<T>(property);

        public bool IsChanged(string property)
        {
            var p = Entry.Property(property);
            if (Entry.State != EntityState.Modified || !p.IsModified)
            {
                return false;
            }
            var comparer = p.Metadata.GetValueComparer();
            return !comparer.Equals(p.OriginalValue, p.CurrentValue);
        }

        /// <summary>The sentences of the properties that changed, in the order given, joined; the rest stays silent.</summary>
        public string Clauses(params (string Property, Func<string> Say)[] clauses) =>
            string.Join("; ", clauses.Where(c => IsChanged(c.Property)).Select(c => c.Say()).Where(s => s.Length > 0));
    }
}

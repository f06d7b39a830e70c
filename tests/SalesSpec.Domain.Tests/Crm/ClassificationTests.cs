using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Domain.Tests.Crm;

/// <summary>The rule list's semantics: conditions, order, durations, weeks, and the records that bring no hours.</summary>
public sealed class ClassificationTests
{
    private static CrmRecord Record(CrmActivityType type, string subject, CrmLink links = CrmLink.None, decimal? minutes = null, string date = "2026-11-18", string owner = "a@x.test") =>
        new("Task.csv", 2, "r1", owner, null, type, subject, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), minutes, links);

    public static TheoryData<CrmActivityType, string, CrmLink, string?> DefaultCases => new()
    {
        { CrmActivityType.Meeting, "Product DEMO for Acme", CrmLink.Opportunity, "Demos" },
        { CrmActivityType.Call, "Demo follow-up", CrmLink.Opportunity, "Discovery calls" },        // a demo is a meeting; the call falls to the opportunity rule
        { CrmActivityType.Email, "Re: Pricing", CrmLink.Contact, "Proposals and negotiation" },
        { CrmActivityType.Task, "Renewal 2027", CrmLink.Account, "Renewals" },                      // keywords before attachments
        { CrmActivityType.Call, "Customer problem", CrmLink.Contact | CrmLink.Case, "Support escalations" },
        { CrmActivityType.Call, "Cold call list B", CrmLink.Lead, "Cold calls" },                   // before the lead rule
        { CrmActivityType.Email, "Cold call list B", CrmLink.Lead, "Qualify inbound leads" },       // the cold-call rule is for calls only
        { CrmActivityType.Call, "Quick chat", CrmLink.Lead, "Qualify inbound leads" },
        { CrmActivityType.Meeting, "Lunch", CrmLink.Account, "Account reviews" },
        { CrmActivityType.Meeting, "Lunch", CrmLink.Contact, null },                                // could be any function: unmatched
        { CrmActivityType.Task, "", CrmLink.None, null },
    };

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void The_default_rules_book_records_as_documented(CrmActivityType type, string subject, CrmLink links, string? activity)
    {
        var rule = CrmWorkload.Classify(CrmRuleSet.DefaultRules, Record(type, subject, links));

        (rule is null ? null : CrmRuleSet.DefaultRules[rule.Value].Activity).ShouldBe(activity);
    }

    [Theory]
    [InlineData("Inbound", "", "", 0)]
    [InlineData("OUTBOUND", "Connected", "", 1)]
    [InlineData("outbound", "No answer", "COMPLETED", 2)]
    [InlineData("", "no-show", "", 2)]
    [InlineData("", "", "", null)]
    public void A_rule_can_ask_for_a_direction_outcome_or_status_written_any_way(string direction, string outcome, string status, int? expected)
    {
        ClassificationRule[] rules =
        [
            new(CrmActivityType.Call, null, [], "Respond to web inquiries") { States = ["inbound"] },
            new(CrmActivityType.Call, null, [], "Discovery calls") { States = ["connected"] },
            new(null, null, [], "Cold calls") { States = ["NO_ANSWER", "No show"] },
        ];
        var record = Record(CrmActivityType.Call, "Call") with { Direction = direction, Outcome = outcome, Status = status };

        CrmWorkload.Classify(rules, record).ShouldBe(expected);
        rules[2].Describe().ShouldBe("direction, outcome or status is \"NO_ANSWER\" or \"No show\"");
    }

    [Fact]
    public void Every_condition_given_must_hold_and_the_first_matching_rule_wins()
    {
        ClassificationRule[] rules =
        [
            new(CrmActivityType.Call, CrmLink.Opportunity, ["demo", "trial"], "A"),
            new(null, null, ["TRIAL"], "B"),
            new(null, null, [], "C"),
        ];

        CrmWorkload.Classify(rules, Record(CrmActivityType.Call, "Trial setup", CrmLink.Opportunity | CrmLink.Contact)).ShouldBe(0);
        CrmWorkload.Classify(rules, Record(CrmActivityType.Email, "Trial setup", CrmLink.Opportunity)).ShouldBe(1);
        CrmWorkload.Classify(rules, Record(CrmActivityType.Call, "trial", CrmLink.Account)).ShouldBe(1);
        CrmWorkload.Classify(rules, Record(CrmActivityType.Call, "Hello", CrmLink.Opportunity)).ShouldBe(2);
        CrmWorkload.Classify([], Record(CrmActivityType.Call, "Hello")).ShouldBeNull();
    }

    [Fact]
    public void Minutes_are_summed_per_rep_week_and_activity_before_they_become_hours()
    {
        var workload = new CrmWorkload([new ClassificationRule(null, null, [], "Calls")], CrmRuleSet.DefaultStandardMinutes);

        // Three 10-minute calls (one without a duration) in week 47 make half an hour, not 3 × 0.1667 h; Sunday the 22nd is still week 47.
        workload.Add(Record(CrmActivityType.Call, "a", minutes: 10m, date: "2026-11-16"));
        workload.Add(Record(CrmActivityType.Call, "b", date: "2026-11-18"));
        workload.Add(Record(CrmActivityType.Call, "c", minutes: 10m, date: "2026-11-22"));
        workload.Add(Record(CrmActivityType.Email, "d", date: "2026-11-23"));
        workload.Skip(new CrmSkip("Task.csv", 9, "r9", "?", CrmActivityType.Call, "x", null, CrmSkipReason.UnknownOwner));

        workload.WeeklyHours().ShouldBe(
        [
            new CrmWeekHours("a@x.test", IsoWeek.Parse("2026-W47"), "Calls", 0.5m, 3),
            new CrmWeekHours("a@x.test", IsoWeek.Parse("2026-W48"), "Calls", 0.0833m, 1),
        ]);
        (workload.RecordsRead, workload.Matched, workload.SkippedCount).ShouldBe((5, 4, 1));
        workload.RuleHits.ShouldBe([new CrmRuleHit(0, 4, 35m)]);
    }

    [Fact]
    public void Skipped_records_are_all_counted_but_only_a_few_of_each_reason_kept()
    {
        var workload = new CrmWorkload([], CrmRuleSet.DefaultStandardMinutes, samplesPerReason: 2);

        for (var i = 0; i < 5; i++)
        {
            workload.Add(Record(CrmActivityType.Task, $"t{i}"));
            workload.Skip(new CrmSkip("Event.csv", i, $"e{i}", "o", CrmActivityType.Meeting, "Holiday", null, CrmSkipReason.AllDayEvent));
        }

        workload.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int> { [CrmSkipReason.NoRuleMatched] = 5, [CrmSkipReason.AllDayEvent] = 5 }, ignoreOrder: true);
        workload.SkipSamples.Count.ShouldBe(4);
        workload.WeeklyHours().ShouldBeEmpty();
    }

    [Fact]
    public void Standard_minutes_must_cover_every_type_within_a_working_day()
    {
        var organization = Domain.Organizations.Organization.Create("Acme", Domain.Organizations.OrganizationTemplate.FourRoles);
        var minutes = new Dictionary<CrmActivityType, int>(CrmRuleSet.DefaultStandardMinutes) { [CrmActivityType.Meeting] = 481 };

        Should.Throw<DomainRuleException>(() => CrmRuleSet.Create(organization, [], minutes)).Message.ShouldBe("The standard duration of a Meeting must be 0 to 480 minutes.");
        var set = CrmRuleSet.CreateDefault(organization);
        (set.Version, set.Rules.Count).ShouldBe((1, CrmRuleSet.DefaultRules.Count));
        set.Replace([new ClassificationRule(null, null, [" a ", ""], " Demos ")], CrmRuleSet.DefaultStandardMinutes);
        (set.Version, set.Rules.Single().Activity, set.Rules.Single().Keywords.Single()).ShouldBe((2, "Demos", "a"));
    }
}

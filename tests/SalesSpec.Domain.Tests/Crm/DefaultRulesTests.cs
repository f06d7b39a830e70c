using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Domain.Tests.Crm;

/// <summary>The default rules and standard minutes as docs/import.md lists them, and how records add up.</summary>
public sealed class DefaultRulesTests
{
    private static CrmRecord Record(CrmActivityType type, string subject, CrmLink links = CrmLink.None, decimal? minutes = null, string date = "2026-11-18", string owner = "a@x.test", string? ownerName = null) =>
        new("Task.csv", 2, "r1", owner, ownerName, type, subject, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), minutes, links);

    private static string? Activity(CrmRecord record) =>
        CrmWorkload.Classify(CrmRuleSet.DefaultRules, record) is { } rule ? CrmRuleSet.DefaultRules[rule].Activity : null;

    /// <summary>Every keyword of the table in docs/import.md ("The default rules"), with the type its rule asks for (Task where any type will do).</summary>
    public static TheoryData<CrmActivityType, string, string> Keywords => new()
    {
        { CrmActivityType.Meeting, "demo", "Demos" },
        { CrmActivityType.Task, "proposal", "Proposals and negotiation" },
        { CrmActivityType.Task, "quote", "Proposals and negotiation" },
        { CrmActivityType.Task, "contract", "Proposals and negotiation" },
        { CrmActivityType.Task, "negotiating", "Proposals and negotiation" },
        { CrmActivityType.Task, "pricing", "Proposals and negotiation" },
        { CrmActivityType.Task, "renewal", "Renewals" },
        { CrmActivityType.Task, "upsell", "Upsell and cross-sell" },
        { CrmActivityType.Task, "up-sell", "Upsell and cross-sell" },
        { CrmActivityType.Task, "cross-sell", "Upsell and cross-sell" },
        { CrmActivityType.Task, "expansion", "Upsell and cross-sell" },
        { CrmActivityType.Task, "upgrade", "Upsell and cross-sell" },
        { CrmActivityType.Task, "onboarding", "Onboarding" },
        { CrmActivityType.Task, "kickoff", "Onboarding" },
        { CrmActivityType.Task, "kick-off", "Onboarding" },
        { CrmActivityType.Task, "implementation", "Onboarding" },
        { CrmActivityType.Task, "qbr", "Account reviews" },
        { CrmActivityType.Task, "business review", "Account reviews" },
        { CrmActivityType.Task, "account review", "Account reviews" },
        { CrmActivityType.Task, "escalation", "Support escalations" },
        { CrmActivityType.Task, "support", "Support escalations" },
        { CrmActivityType.Task, "outage", "Support escalations" },
        { CrmActivityType.Task, "internal", "Internal meetings" },
        { CrmActivityType.Task, "1:1", "Internal meetings" },
        { CrmActivityType.Task, "team meeting", "Internal meetings" },
        { CrmActivityType.Task, "pipeline review", "Internal meetings" },
        { CrmActivityType.Task, "forecast", "Internal meetings" },
        { CrmActivityType.Task, "training", "Training" },
        { CrmActivityType.Task, "enablement", "Training" },
        { CrmActivityType.Call, "cold call", "Cold calls" },
        { CrmActivityType.Call, "prospecting", "Cold calls" },
        { CrmActivityType.Call, "outreach", "Cold calls" },
        { CrmActivityType.Email, "sequence", "Outbound email sequences" },
        { CrmActivityType.Email, "cadence", "Outbound email sequences" },
        { CrmActivityType.Email, "outreach", "Outbound email sequences" },
        { CrmActivityType.Email, "introduction", "Outbound email sequences" },
        { CrmActivityType.Task, "web inquiry", "Respond to web inquiries" },
        { CrmActivityType.Task, "inbound", "Respond to web inquiries" },
        { CrmActivityType.Task, "contact request", "Respond to web inquiries" },
        { CrmActivityType.Task, "demo request", "Respond to web inquiries" },
        { CrmActivityType.Task, "form fill", "Respond to web inquiries" },
        { CrmActivityType.Task, "discovery", "Discovery calls" },
    };

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Each_documented_keyword_books_a_record_on_its_activity_in_any_case(CrmActivityType type, string keyword, string activity)
    {
        Activity(Record(type, $"Re: {keyword.ToUpperInvariant()} with Acme", CrmLink.Contact)).ShouldBe(activity);
        Activity(Record(type, $"re: {keyword} with acme", CrmLink.Contact)).ShouldBe(activity);
    }

    [Theory]
    [InlineData(CrmLink.Case, "Support escalations")]
    [InlineData(CrmLink.Opportunity, "Discovery calls")]
    [InlineData(CrmLink.Lead, "Qualify inbound leads")]
    [InlineData(CrmLink.Account, "Account reviews")]
    [InlineData(CrmLink.Contact, null)]
    public void A_record_without_a_telling_subject_is_booked_by_what_it_is_attached_to(CrmLink link, string? activity)
    {
        Activity(Record(CrmActivityType.Task, "Follow up", link)).ShouldBe(activity);
    }

    [Fact]
    public void The_default_standard_minutes_are_the_documented_ones()
    {
        CrmRuleSet.DefaultStandardMinutes.ShouldBe(new Dictionary<CrmActivityType, int>
        {
            [CrmActivityType.Call] = 10,
            [CrmActivityType.Email] = 5,
            [CrmActivityType.Meeting] = 30,
            [CrmActivityType.Task] = 15,
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_record_with_a_duration_of_its_own_counts_it_instead_of_the_standard_minutes()
    {
        var workload = new CrmWorkload([new ClassificationRule(null, null, [], "Calls")], CrmRuleSet.DefaultStandardMinutes);

        workload.Add(Record(CrmActivityType.Call, "long call", minutes: 45m));
        workload.Add(Record(CrmActivityType.Call, "no duration"));

        // 45 + the standard 10 minutes of a call.
        workload.WeeklyHours().Single().Hours.ShouldBe(Math.Round(55m / 60m, 4));
    }

    [Fact]
    public void Weekly_hours_are_listed_by_rep_then_week_then_activity()
    {
        var workload = new CrmWorkload([new ClassificationRule(CrmActivityType.Call, null, [], "Calls"), new ClassificationRule(null, null, [], "Other")], CrmRuleSet.DefaultStandardMinutes);

        workload.Add(Record(CrmActivityType.Email, "e", date: "2026-11-25", owner: "b@x.test"));
        workload.Add(Record(CrmActivityType.Email, "e", date: "2026-11-25", owner: "a@x.test"));
        workload.Add(Record(CrmActivityType.Call, "c", date: "2026-11-25", owner: "a@x.test"));
        workload.Add(Record(CrmActivityType.Call, "c", date: "2026-11-18", owner: "a@x.test"));

        workload.WeeklyHours().Select(h => (h.Email, h.Week.ToString(), h.Activity)).ShouldBe(
        [
            ("a@x.test", "2026-W47", "Calls"),
            ("a@x.test", "2026-W48", "Calls"),
            ("a@x.test", "2026-W48", "Other"),
            ("b@x.test", "2026-W48", "Other"),
        ]);
    }

    [Fact]
    public void An_owner_name_given_by_a_later_record_fills_in_a_missing_one()
    {
        var workload = new CrmWorkload(CrmRuleSet.DefaultRules, CrmRuleSet.DefaultStandardMinutes);

        workload.Add(Record(CrmActivityType.Task, "Follow up", CrmLink.Lead, owner: "a@x.test"));
        workload.Add(Record(CrmActivityType.Task, "Follow up", CrmLink.Lead, owner: "a@x.test", ownerName: "Ana Ruiz"));
        workload.Add(Record(CrmActivityType.Task, "Follow up", CrmLink.Lead, owner: "b@x.test", ownerName: "Bo Berg"));

        workload.Owners.ShouldBe(new Dictionary<string, string?> { ["a@x.test"] = "Ana Ruiz", ["b@x.test"] = "Bo Berg" }, ignoreOrder: true);
    }

    [Fact]
    public void The_samples_of_a_reason_are_its_first_records_in_the_order_read()
    {
        var workload = new CrmWorkload([], CrmRuleSet.DefaultStandardMinutes, samplesPerReason: 2);

        for (var line = 1; line <= 4; line++)
        {
            workload.Skip(new CrmSkip("Event.csv", line, $"e{line}", "o", CrmActivityType.Meeting, "Holiday", null, CrmSkipReason.AllDayEvent));
        }

        workload.SkipSamples.Select(s => s.Line).ShouldBe([1, 2]);
        workload.Skipped[CrmSkipReason.AllDayEvent].ShouldBe(4);
    }
}

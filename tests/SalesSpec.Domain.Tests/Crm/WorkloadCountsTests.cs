using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Domain.Tests.Crm;

/// <summary>What a CRM import reports besides hours: which rules did the work, whose records they were, what was skipped.</summary>
public sealed class WorkloadCountsTests
{
    private static CrmRecord Record(string subject, decimal? minutes = null, string owner = "a@x.test", string? ownerName = null, string id = "r1") =>
        new("Task.csv", 2, id, owner, ownerName, CrmActivityType.Call, subject, new DateOnly(2026, 11, 18), minutes, CrmLink.None);

    private static CrmWorkload Workload(int samplesPerReason = 10) => new(
        [new ClassificationRule(null, null, ["demo"], "Demos"), new ClassificationRule(null, null, ["renewal"], "Renewals"), new ClassificationRule(null, null, ["never"], "Training")],
        CrmRuleSet.DefaultStandardMinutes,
        samplesPerReason);

    [Fact]
    public void Each_rule_counts_the_records_and_minutes_it_took_and_an_idle_rule_shows_zero()
    {
        var workload = Workload();

        workload.Add(Record("Demo 1", 30m)).ShouldBe(0);
        workload.Add(Record("Demo 2", 45m)).ShouldBe(0);
        workload.Add(Record("Renewal")).ShouldBe(1);
        workload.Add(Record("Lunch")).ShouldBeNull();

        workload.RuleHits.ShouldBe([new CrmRuleHit(0, 2, 75m), new CrmRuleHit(1, 1, 10m), new CrmRuleHit(2, 0, 0m)]);
        (workload.Matched, workload.SkippedCount, workload.RecordsRead).ShouldBe((3, 1, 4));
    }

    [Fact]
    public void An_unmatched_record_is_kept_as_a_sample_with_what_identifies_it()
    {
        var workload = Workload();

        workload.Add(Record("Lunch", owner: "b@x.test", id: "r7"));

        workload.SkipSamples.ShouldBe([new CrmSkip("Task.csv", 2, "r7", "b@x.test", CrmActivityType.Call, "Lunch", new DateOnly(2026, 11, 18), CrmSkipReason.NoRuleMatched)]);
        workload.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int> { [CrmSkipReason.NoRuleMatched] = 1 });
        workload.Owners.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_owners_of_matched_records_are_listed_with_the_first_name_given()
    {
        var workload = Workload();

        workload.Add(Record("Demo", owner: "a@x.test", ownerName: "Ana"));
        workload.Add(Record("Demo", owner: "a@x.test", ownerName: "Ana Ruiz"));
        workload.Add(Record("Demo", owner: "c@x.test"));

        workload.Owners.ShouldBe(new Dictionary<string, string?> { ["a@x.test"] = "Ana", ["c@x.test"] = null }, ignoreOrder: true);
    }

    [Fact]
    public void With_no_samples_wanted_skips_are_still_counted()
    {
        var workload = Workload(samplesPerReason: 0);

        workload.Add(Record("Lunch"));

        workload.SkipSamples.ShouldBeEmpty();
        workload.SkippedCount.ShouldBe(1);
    }

    [Fact]
    public void Half_a_ten_thousandth_of_an_hour_rounds_up()
    {
        var workload = new CrmWorkload([new ClassificationRule(null, null, [], "Calls")], CrmRuleSet.DefaultStandardMinutes);

        // 0.003 minutes = 0.00005 hours exactly: half of the fourth decimal, away from zero.
        workload.Add(Record("x", 0.003m));

        workload.WeeklyHours().Single().Hours.ShouldBe(0.0001m);
    }

    [Fact]
    public void Records_and_skips_must_be_given()
    {
        var workload = Workload();

        Should.Throw<ArgumentNullException>(() => workload.Add(null!));
        Should.Throw<ArgumentNullException>(() => new CrmWorkload([], CrmRuleSet.DefaultStandardMinutes).Add(null!));
        Should.Throw<ArgumentNullException>(() => workload.Skip(null!));
        Should.Throw<ArgumentNullException>(() => CrmWorkload.Classify(null!, Record("x")));
        Should.Throw<ArgumentNullException>(() => new CrmWorkload(null!, CrmRuleSet.DefaultStandardMinutes));
        Should.Throw<ArgumentNullException>(() => new CrmWorkload([], null!));
    }

    [Fact]
    public void Hours_are_listed_by_email_in_ordinal_order_then_week()
    {
        var workload = new CrmWorkload([new ClassificationRule(null, null, [], "Calls")], CrmRuleSet.DefaultStandardMinutes);

        workload.Add(Record("x", 60m, owner: "b@x.test") with { Date = new DateOnly(2026, 11, 25) });
        workload.Add(Record("x", 60m, owner: "b@x.test"));
        workload.Add(Record("x", 60m, owner: "B@x.test"));

        workload.WeeklyHours().Select(h => (h.Email, h.Week)).ShouldBe(
        [
            ("B@x.test", IsoWeek.Parse("2026-W47")),
            ("b@x.test", IsoWeek.Parse("2026-W47")),
            ("b@x.test", IsoWeek.Parse("2026-W48")),
        ]);
    }
}

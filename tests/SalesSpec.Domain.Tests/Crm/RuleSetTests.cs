using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests.Crm;

/// <summary>An organisation's rule list as a whole: its bounds, the defaults it starts with, and each rule in words.</summary>
public sealed class RuleSetTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private static ClassificationRule AnyRecord(string activity) => new(null, null, [], activity);

    [Fact]
    public void The_rule_in_words_names_each_condition_given()
    {
        new ClassificationRule(CrmActivityType.Meeting, CrmLink.Opportunity, ["demo", "trial"], "Demos").Describe()
            .ShouldBe("Meeting · attached to Opportunity · subject has \"demo\" or \"trial\"");
        new ClassificationRule(null, CrmLink.Case, [], "Support escalations").Describe().ShouldBe("attached to Case");
        new ClassificationRule(CrmActivityType.Call, null, [], "Cold calls").Describe().ShouldBe("Call");
        new ClassificationRule(null, null, ["renewal"], "Renewals").Describe().ShouldBe("subject has \"renewal\"");
    }

    [Fact]
    public void A_rule_without_conditions_is_any_record()
    {
        AnyRecord("Demos").Describe().ShouldBe("any record");
    }

    [Fact]
    public void A_rule_matching_needs_a_record()
    {
        Should.Throw<ArgumentNullException>(() => AnyRecord("Demos").Matches(null!));
    }

    [Fact]
    public void At_most_200_rules()
    {
        var set = CrmRuleSet.Create(_organization, [.. Enumerable.Repeat(AnyRecord("Demos"), CrmRuleSet.MaxRules)], CrmRuleSet.DefaultStandardMinutes);
        set.Rules.Count.ShouldBe(200);

        Should.Throw<DomainRuleException>(() => set.Replace([.. Enumerable.Repeat(AnyRecord("Demos"), 201)], CrmRuleSet.DefaultStandardMinutes)).Message
            .ShouldBe("At most 200 classification rules; got 201.");
        set.Rules.Count.ShouldBe(200);
        set.Version.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CrmRuleSet.MaxStandardMinutes)]
    public void A_standard_duration_may_be_0_to_480_minutes(int minutes)
    {
        var standard = new Dictionary<CrmActivityType, int>(CrmRuleSet.DefaultStandardMinutes) { [CrmActivityType.Task] = minutes };

        CrmRuleSet.Create(_organization, [], standard).StandardMinutes[CrmActivityType.Task].ShouldBe(minutes);
    }

    [Fact]
    public void A_negative_or_missing_standard_duration_is_refused()
    {
        var negative = new Dictionary<CrmActivityType, int>(CrmRuleSet.DefaultStandardMinutes) { [CrmActivityType.Task] = -1 };
        var missing = CrmRuleSet.DefaultStandardMinutes.Where(m => m.Key != CrmActivityType.Call).ToDictionary();

        Should.Throw<DomainRuleException>(() => CrmRuleSet.Create(_organization, [], negative)).Message
            .ShouldBe("The standard duration of a Task must be 0 to 480 minutes.");
        Should.Throw<DomainRuleException>(() => CrmRuleSet.Create(_organization, [], missing)).Message
            .ShouldBe("The standard duration of a Call must be 0 to 480 minutes.");
        var longEmail = new Dictionary<CrmActivityType, int>(CrmRuleSet.DefaultStandardMinutes) { [CrmActivityType.Email] = 481 };
        Should.Throw<DomainRuleException>(() => CrmRuleSet.Create(_organization, [], longEmail)).Message
            .ShouldBe("The standard duration of an Email must be 0 to 480 minutes.");
    }

    [Fact]
    public void The_set_keeps_the_durations_given_for_each_type()
    {
        var standard = new Dictionary<CrmActivityType, int>
        {
            [CrmActivityType.Call] = 1,
            [CrmActivityType.Email] = 2,
            [CrmActivityType.Meeting] = 3,
            [CrmActivityType.Task] = 4,
        };

        var set = CrmRuleSet.Create(_organization, [], standard);

        set.StandardMinutes.ShouldBe(standard, ignoreOrder: true);
        set.Organization.ShouldBe(_organization);
    }

    [Fact]
    public void Each_replace_raises_the_version()
    {
        var set = CrmRuleSet.Create(_organization, [], CrmRuleSet.DefaultStandardMinutes);

        set.Replace([AnyRecord("Demos")], CrmRuleSet.DefaultStandardMinutes);
        set.Replace([AnyRecord("Renewals")], CrmRuleSet.DefaultStandardMinutes);

        set.Version.ShouldBe(3);
        set.Rules.Single().Activity.ShouldBe("Renewals");
    }

    [Fact]
    public void The_default_rules_keep_only_those_whose_activity_the_organisation_has_in_any_case()
    {
        var rules = CrmRuleSet.DefaultRulesFor(["DEMOS", "Renewals", "Something else"]);

        rules.Select(r => r.Activity).ShouldBe(["Demos", "Renewals"]);
    }

    [Fact]
    public void An_organisation_without_some_default_activities_starts_without_their_rules()
    {
        var renamed = _organization.Activities.Single(a => a.Name == "Demos");
        _organization.RenameActivity(renamed, "Product demos");

        var set = CrmRuleSet.CreateDefault(_organization);

        set.Rules.Count.ShouldBe(CrmRuleSet.DefaultRules.Count - 1);
        set.Rules.ShouldNotContain(r => r.Activity == "Demos");
        set.StandardMinutes.ShouldBe(CrmRuleSet.DefaultStandardMinutes, ignoreOrder: true);
    }

    [Fact]
    public void Creating_a_set_needs_an_organisation_rules_and_durations()
    {
        Should.Throw<ArgumentNullException>(() => CrmRuleSet.CreateDefault(null!));
        Should.Throw<ArgumentNullException>(() => CrmRuleSet.Create(null!, [], CrmRuleSet.DefaultStandardMinutes));
        Should.Throw<ArgumentNullException>(() => CrmRuleSet.Create(_organization, null!, CrmRuleSet.DefaultStandardMinutes));
        Should.Throw<ArgumentNullException>(() => CrmRuleSet.Create(_organization, [], null!));
    }
}

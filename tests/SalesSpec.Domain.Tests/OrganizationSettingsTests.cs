using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>An organisation's name, locale, settings and archive state, and the bounds of roles and lead counts.</summary>
public sealed class OrganizationSettingsTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    [Fact]
    public void A_new_organisation_is_live_in_UTC_and_USD_with_no_lead_setting_and_no_caution()
    {
        _organization.Name.ShouldBe("Acme");
        _organization.TimeZone.ShouldBe("UTC");
        _organization.Currency.ShouldBe("USD");
        _organization.IsArchived.ShouldBeFalse();
        _organization.InboundLeadsPerMonth.ShouldBeNull();
        _organization.HasSimpleSalesProcess.ShouldBeFalse();
        _organization.SucceedsWithGeneralists.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_template_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Organization.Create("Acme", (OrganizationTemplate)7)).Message
            .ShouldBe("Unknown template '7'.");
    }

    [Fact]
    public void A_rename_is_trimmed_and_still_needs_a_name()
    {
        _organization.Rename("  Acme Europe ");
        _organization.Name.ShouldBe("Acme Europe");

        Should.Throw<DomainRuleException>(() => _organization.Rename(" ")).Message.ShouldBe("Organisation name is required.");
        _organization.Name.ShouldBe("Acme Europe");
    }

    [Fact]
    public void An_archived_organisation_can_be_restored()
    {
        _organization.Archive();
        _organization.IsArchived.ShouldBeTrue();

        _organization.Restore();
        _organization.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void The_locale_keeps_the_zone_and_an_upper_case_currency_code()
    {
        _organization.ChangeLocale(" Europe/Berlin ", " eur ");

        _organization.TimeZone.ShouldBe("Europe/Berlin");
        _organization.Currency.ShouldBe("EUR");
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("E1R")]
    [InlineData("€UR")]
    public void A_currency_is_three_ascii_letters(string currency)
    {
        Should.Throw<DomainRuleException>(() => _organization.ChangeLocale("UTC", currency)).Message
            .ShouldBe($"A currency is a three-letter code such as USD or EUR; got '{currency}'.");
        _organization.Currency.ShouldBe("USD");
    }

    [Fact]
    public void A_currency_longer_than_three_letters_is_refused()
    {
        Should.Throw<DomainRuleException>(() => _organization.ChangeLocale("UTC", "EURO")).Message
            .ShouldBe("Currency must be at most 3 characters (got 4).");
    }

    [Fact]
    public void A_time_zone_is_at_most_64_characters()
    {
        Should.NotThrow(() => _organization.ChangeLocale(new string('z', 64), "USD"));
        Should.Throw<DomainRuleException>(() => _organization.ChangeLocale(new string('z', 65), "USD")).Message
            .ShouldBe("Time zone must be at most 64 characters (got 65).");
    }

    [Fact]
    public void The_limits_of_the_settings_themselves_are_allowed()
    {
        _organization.ChangeSettings(0.0001m, 100m, 0, false, true);

        _organization.Threshold.ShouldBe(0.0001m);
        _organization.StandardWeeklyHours.ShouldBe(100m);
        _organization.InboundLeadsPerMonth.ShouldBe(0);
        _organization.HasSimpleSalesProcess.ShouldBeFalse();
        _organization.SucceedsWithGeneralists.ShouldBeTrue();
    }

    [Fact]
    public void The_lead_setting_can_be_cleared()
    {
        _organization.ChangeSettings(0.2m, 40m, 300, false, false);
        _organization.ChangeSettings(0.2m, 40m, null, false, false);

        _organization.InboundLeadsPerMonth.ShouldBeNull();
    }

    [Fact]
    public void A_duplicate_name_message_uses_the_right_article()
    {
        Should.Throw<DomainRuleException>(() => _organization.AddActivity("demos", SalesFunction.Closing)).Message
            .ShouldBe("There is already an activity named 'demos'.");
        Should.Throw<DomainRuleException>(() => _organization.AddRole("Account Manager", Workload.PostSales)).Message
            .ShouldBe("There is already a role named 'Account Manager'.");
    }

    [Fact]
    public void A_new_activity_goes_to_the_end_of_the_catalogue()
    {
        var last = _organization.Activities.Max(a => a.SortOrder);

        var activity = _organization.AddActivity("Partner calls", SalesFunction.Closing);

        activity.SortOrder.ShouldBe(last + 1);
        _organization.InCatalogueOrder()[^1].ShouldBe(activity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Role.MaxRampMonths)]
    public void A_ramp_is_0_to_24_months(int months)
    {
        var role = _organization.AddRole("Solutions Engineer", Workload.Closing, rampMonths: months);

        role.RampMonths.ShouldBe(months);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Role.MaxRampMonths + 1)]
    public void A_ramp_outside_0_to_24_months_is_refused(int months)
    {
        var role = _organization.Roles.First();

        Should.Throw<DomainRuleException>(() => role.SetRampMonths(months)).Message
            .ShouldBe($"A ramp must be 0 to 24 months; got {months}.");
    }

    [Fact]
    public void A_role_without_a_ramp_of_its_own_ramps_over_a_quarter_and_a_cost_may_be_zero_or_unknown()
    {
        var role = _organization.AddRole("Solutions Engineer", Workload.Closing, true, 0m);

        role.RampMonths.ShouldBe(3);
        role.AnnualLoadedCost.ShouldBe(0m);
        role.SetAnnualLoadedCost(null);
        role.AnnualLoadedCost.ShouldBeNull();
    }

    [Theory]
    [InlineData(1900, 1)]
    [InlineData(2999, 12)]
    public void A_lead_count_is_for_the_first_day_of_a_month_from_1900_to_2999(int year, int month)
    {
        var count = MonthlyLeadCount.Create(_organization, year, month, 0);

        count.Month.ShouldBe(new DateOnly(year, month, 1));
        count.InboundLeads.ShouldBe(0);
        count.Organization.ShouldBe(_organization);
    }

    [Theory]
    [InlineData(1899, 12)]
    [InlineData(3000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    public void A_lead_count_outside_those_months_is_refused(int year, int month)
    {
        Should.Throw<DomainRuleException>(() => MonthlyLeadCount.Create(_organization, year, month, 10)).Message
            .ShouldBe($"{year}-{month:D2} is not a valid month.");
    }

    [Fact]
    public void A_lead_count_needs_an_organisation()
    {
        Should.Throw<ArgumentNullException>(() => MonthlyLeadCount.Create(null!, 2026, 9, 120));
    }

    [Fact]
    public void A_lead_count_cannot_be_negative_and_can_be_changed()
    {
        var count = MonthlyLeadCount.Create(_organization, 2026, 9, 120);

        Should.Throw<DomainRuleException>(() => count.ChangeInboundLeads(-1)).Message.ShouldBe("Inbound leads cannot be negative; got -1.");
        count.InboundLeads.ShouldBe(120);
        count.ChangeInboundLeads(250);
        count.InboundLeads.ShouldBe(250);
    }
}

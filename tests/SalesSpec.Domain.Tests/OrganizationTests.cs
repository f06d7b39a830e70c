using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

public sealed class OrganizationTests
{
    [Fact]
    public void A_new_four_roles_organisation_gets_the_default_roles_and_catalogue()
    {
        var organization = Organization.Create("Acme");

        organization.Template.ShouldBe(OrganizationTemplate.FourRoles);
        organization.Threshold.ShouldBe(0.20m);
        organization.StandardWeeklyHours.ShouldBe(40m);
        organization.Roles.Select(r => (r.Name, r.CoreWorkload, r.IsAnalysed)).ShouldBe(
        [
            ("Market Response Rep", Workload.InboundQualification, true),
            ("Sales Development Rep", Workload.OutboundProspecting, true),
            ("Account Executive", Workload.Closing, true),
            ("Account Manager", Workload.PostSales, true),
            ("Full-Cycle Rep", Workload.Closing, true),
            ("Sales Manager", Workload.Closing, false),
        ], ignoreOrder: true);
        organization.Activities.Count.ShouldBe(18 + 5);
        organization.Activities.Where(a => a.IsCatchAll).Select(a => a.Name).ShouldBe(
        [
            "Other – InboundQualification", "Other – OutboundProspecting", "Other – Closing", "Other – PostSales", "Other – NonSelling",
        ], ignoreOrder: true);
        organization.Activities.Single(a => a.Name == "Cold calls").Function.ShouldBe(SalesFunction.OutboundProspecting);
        organization.Activities.Single(a => a.Name == "Renewals").Function.ShouldBe(SalesFunction.PostSales);
        organization.Activities.Single(a => a.Name == "Travel").Function.ShouldBe(SalesFunction.NonSelling);
    }

    [Fact]
    public void A_three_workloads_organisation_has_a_demand_generation_role_instead_of_mrr_and_sdr()
    {
        var organization = Organization.Create("Acme", OrganizationTemplate.ThreeWorkloads);

        organization.Roles.Select(r => r.Name).ShouldBe(
            ["Demand Generation Rep", "Account Executive", "Account Manager", "Full-Cycle Rep", "Sales Manager"], ignoreOrder: true);
        organization.Roles.Single(r => r.Name == "Demand Generation Rep").CoreWorkload.ShouldBe(Workload.DemandGeneration);
        Templates.FunctionsOf(Workload.DemandGeneration).ShouldBe([SalesFunction.InboundQualification, SalesFunction.OutboundProspecting]);
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, Workload.DemandGeneration)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, Workload.InboundQualification)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, Workload.OutboundProspecting)]
    public void A_role_cannot_have_a_workload_outside_the_template(OrganizationTemplate template, Workload workload)
    {
        var organization = Organization.Create("Acme", template);

        var error = Should.Throw<DomainRuleException>(() => organization.AddRole("Hybrid", workload));
        error.Message.ShouldContain($"not part of the {template} template");
    }

    [Fact]
    public void Team_role_and_activity_names_are_unique_ignoring_case()
    {
        var organization = Organization.Create("Acme");
        organization.AddTeam("East");

        Should.Throw<DomainRuleException>(() => organization.AddTeam("east")).Message.ShouldBe("There is already a team named 'east'.");
        Should.Throw<DomainRuleException>(() => organization.AddRole("account executive", Workload.Closing));
        Should.Throw<DomainRuleException>(() => organization.AddActivity("DEMOS", SalesFunction.Closing));
    }

    [Theory]
    [InlineData("", "Organisation name is required.")]
    [InlineData("   ", "Organisation name is required.")]
    public void An_organisation_needs_a_name(string name, string message) =>
        Should.Throw<DomainRuleException>(() => Organization.Create(name)).Message.ShouldBe(message);

    [Theory]
    [InlineData(0, 40, null, "threshold")]
    [InlineData(1, 40, null, "threshold")]
    [InlineData(-0.1, 40, null, "threshold")]
    [InlineData(0.2, 0, null, "Standard weekly hours")]
    [InlineData(0.2, 101, null, "Standard weekly hours")]
    [InlineData(0.2, 40, -1, "Inbound leads")]
    public void Settings_out_of_range_are_rejected(double threshold, double hours, int? leads, string mentions)
    {
        var organization = Organization.Create("Acme");

        var error = Should.Throw<DomainRuleException>(() =>
            organization.ChangeSettings((decimal)threshold, (decimal)hours, leads, false, false));
        error.Message.ShouldContain(mentions);
        organization.Threshold.ShouldBe(0.20m);
    }

    [Fact]
    public void Settings_in_range_are_kept()
    {
        var organization = Organization.Create("Acme");

        organization.ChangeSettings(0.25m, 37.5m, 450, true, false);

        (organization.Threshold, organization.StandardWeeklyHours, organization.InboundLeadsPerMonth, organization.HasSimpleSalesProcess)
            .ShouldBe((0.25m, 37.5m, (int?)450, true));
    }

    [Fact]
    public void Role_cost_cannot_be_negative()
    {
        var organization = Organization.Create("Acme");

        Should.Throw<DomainRuleException>(() => organization.AddRole("SE", Workload.Closing, true, -1m));
        organization.AddRole("SE", Workload.Closing, true, 120_000m).AnnualLoadedCost.ShouldBe(120_000m);
    }
}

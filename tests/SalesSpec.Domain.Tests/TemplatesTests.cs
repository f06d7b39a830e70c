using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>The templates, default roles and default activity catalogue of analyzer.md ("Vocabulary").</summary>
public sealed class TemplatesTests
{
    [Fact]
    public void The_four_roles_template_has_the_default_roles_with_their_core_workloads()
    {
        Templates.DefaultRoles(OrganizationTemplate.FourRoles).Select(r => (r.Name, r.CoreWorkload, r.IsAnalysed)).OrderBy(r => r.Name).ShouldBe(
        [
            ("Account Executive", Workload.Closing, true),
            ("Account Manager", Workload.PostSales, true),
            ("Full-Cycle Rep", Workload.Closing, true),
            ("Market Response Rep", Workload.InboundQualification, true),
            ("Sales Development Rep", Workload.OutboundProspecting, true),
            ("Sales Manager", Workload.Closing, false),
        ]);
    }

    [Fact]
    public void The_three_workload_template_has_a_demand_generation_rep_who_is_analysed()
    {
        var roles = Templates.DefaultRoles(OrganizationTemplate.ThreeWorkloads);

        roles.Select(r => r.Name).ShouldBe(
            ["Demand Generation Rep", "Account Executive", "Account Manager", "Full-Cycle Rep", "Sales Manager"], ignoreOrder: true);
        roles.Single(r => r.Name == "Demand Generation Rep").ShouldSatisfyAllConditions(
            r => r.CoreWorkload.ShouldBe(Workload.DemandGeneration),
            r => r.IsAnalysed.ShouldBeTrue());
        roles.Where(r => !r.IsAnalysed).Select(r => r.Name).ShouldBe(["Sales Manager"]);
    }

    [Fact]
    public void The_default_catalogue_maps_each_activity_to_its_function()
    {
        var catalogue = Templates.DefaultActivities.GroupBy(a => a.Function).ToDictionary(g => g.Key, g => g.Select(a => a.Name).ToList());

        catalogue[SalesFunction.InboundQualification].ShouldBe(["Qualify inbound leads", "Respond to web inquiries"]);
        catalogue[SalesFunction.OutboundProspecting].ShouldBe(["Cold calls", "Outbound email sequences", "Account research"]);
        catalogue[SalesFunction.Closing].ShouldBe(["Discovery calls", "Demos", "Proposals and negotiation"]);
        catalogue[SalesFunction.PostSales].ShouldBe(["Onboarding", "Account reviews", "Renewals", "Upsell and cross-sell", "Support escalations"]);
        catalogue[SalesFunction.NonSelling].ShouldBe(["CRM and admin", "Internal meetings", "Training", "Travel", "Marketing events"]);
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, SalesFunction.OutboundProspecting, Workload.OutboundProspecting)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, SalesFunction.OutboundProspecting, Workload.DemandGeneration)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, SalesFunction.InboundQualification, Workload.DemandGeneration)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, SalesFunction.PostSales, Workload.PostSales)]
    [InlineData(OrganizationTemplate.FourRoles, SalesFunction.NonSelling, null)]
    [InlineData(OrganizationTemplate.ThreeWorkloads, SalesFunction.NonSelling, null)]
    public void A_function_belongs_to_one_workload_of_the_template_and_non_selling_time_to_none(
        OrganizationTemplate template, SalesFunction function, Workload? workload)
    {
        Templates.WorkloadOf(template, function).ShouldBe(workload);
    }
}

using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>Functions, workloads and templates in the plain words of docs/analyzer.md.</summary>
public sealed class LabelsTests
{
    [Theory]
    [InlineData(SalesFunction.InboundQualification, "Inbound qualification")]
    [InlineData(SalesFunction.OutboundProspecting, "Outbound prospecting")]
    [InlineData(SalesFunction.Closing, "Closing")]
    [InlineData(SalesFunction.PostSales, "Post-sales")]
    [InlineData(SalesFunction.NonSelling, "Non-selling")]
    public void A_function_reads_as_a_sales_VP_says_it(SalesFunction function, string label)
    {
        Labels.Of(function).ShouldBe(label);
    }

    [Theory]
    [InlineData(Workload.InboundQualification, "Inbound qualification")]
    [InlineData(Workload.OutboundProspecting, "Outbound prospecting")]
    [InlineData(Workload.Closing, "Closing")]
    [InlineData(Workload.PostSales, "Post-sales")]
    [InlineData(Workload.DemandGeneration, "Demand generation")]
    public void A_workload_reads_as_a_sales_VP_says_it(Workload workload, string label)
    {
        Labels.Of(workload).ShouldBe(label);
    }

    [Fact]
    public void A_single_function_workload_reads_like_its_function()
    {
        foreach (var function in Templates.SellingFunctions)
        {
            var workload = Templates.WorkloadOf(OrganizationTemplate.FourRoles, function)!.Value;
            Labels.Of(workload).ShouldBe(Labels.Of(function));
        }
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, "Four roles")]
    [InlineData(OrganizationTemplate.ThreeWorkloads, "Three workloads")]
    public void A_template_reads_as_the_analyzer_guide_names_it(OrganizationTemplate template, string label)
    {
        Labels.Of(template).ShouldBe(label);
    }

    [Fact]
    public void A_value_outside_the_enumerations_reads_as_its_number()
    {
        Labels.Of((SalesFunction)42).ShouldBe("42");
        Labels.Of((Workload)42).ShouldBe("42");
        Labels.Of((OrganizationTemplate)42).ShouldBe("42");
    }

    [Fact]
    public void An_activity_that_is_not_a_catch_all_reads_as_stored()
    {
        Labels.OfActivity("Other – Closing deals").ShouldBe("Other – Closing deals");
        Labels.OfActivity("other – Closing").ShouldBe("other – Closing");
    }
}

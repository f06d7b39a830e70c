using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>The activity catalogue's rules: unique names, the catch-alls kept, order, and successors for a change of function from a week on.</summary>
public sealed class ActivityCatalogueTests
{
    private static Activity Named(Organization organization, string name) => organization.Activities.Single(a => a.Name == name);

    private static Activity CatchAll(Organization organization, SalesFunction function) => Named(organization, Templates.CatchAllName(function));

    [Fact]
    public void A_rename_keeps_names_unique_ignoring_case_but_may_change_the_case_of_its_own_name()
    {
        var organization = Organization.Create("Acme");
        var demos = Named(organization, "Demos");

        Should.Throw<DomainRuleException>(() => organization.RenameActivity(demos, "cold CALLS")).Message
            .ShouldBe("There is already an activity named 'cold CALLS'.");
        Should.Throw<DomainRuleException>(() => organization.RenameActivity(demos, "  ")).Message.ShouldBe("Activity name is required.");
        organization.RenameActivity(demos, " DEMOS ");
        demos.Name.ShouldBe("DEMOS");
        organization.RenameActivity(demos, "Product demos");
        demos.Name.ShouldBe("Product demos");
    }

    [Fact]
    public void The_catch_alls_cannot_be_renamed_archived_or_given_another_function()
    {
        var organization = Organization.Create("Acme");
        var other = CatchAll(organization, SalesFunction.Closing);

        Should.Throw<DomainRuleException>(() => organization.RenameActivity(other, "Misc")).Message.ShouldContain("keeps its name");
        Should.Throw<DomainRuleException>(other.Archive).Message.ShouldContain("cannot be archived");
        Should.Throw<DomainRuleException>(() => other.ChangeFunction(SalesFunction.PostSales)).Message.ShouldContain("for good");
        Should.Throw<DomainRuleException>(() => organization.ReplaceActivity(other, SalesFunction.PostSales, IsoWeek.Of(2026, 49))).Message.ShouldContain("for good");
        (other.Name, other.Function, other.IsArchived).ShouldBe(("Other – Closing", SalesFunction.Closing, false));
    }

    [Fact]
    public void Moving_an_activity_renumbers_the_catalogue_and_touches_only_what_moved()
    {
        var organization = Organization.Create("Acme");
        var before = organization.InCatalogueOrder().Select(a => a.Name).ToList();
        var demos = Named(organization, "Demos");
        var discovery = Named(organization, "Discovery calls");
        var position = demos.SortOrder;

        organization.MoveActivity(demos, position - 1);

        demos.SortOrder.ShouldBe(position - 1);
        discovery.SortOrder.ShouldBe(position);
        var after = organization.InCatalogueOrder().Select(a => a.Name).ToList();
        after.Count.ShouldBe(before.Count);
        after.IndexOf("Demos").ShouldBe(before.IndexOf("Discovery calls"));
        organization.InCatalogueOrder().Select(a => a.SortOrder).ShouldBe(Enumerable.Range(0, before.Count));

        organization.MoveActivity(demos, 1000);
        organization.InCatalogueOrder()[^1].ShouldBe(demos);
        organization.MoveActivity(demos, -3);
        organization.InCatalogueOrder()[0].ShouldBe(demos);
    }

    [Fact]
    public void A_successor_takes_the_new_function_right_after_the_archived_original()
    {
        var organization = Organization.Create("Acme");
        var research = Named(organization, "Account research");

        var successor = organization.ReplaceActivity(research, SalesFunction.Closing, IsoWeek.Of(2026, 49));

        successor.Name.ShouldBe("Account research (from 2026-W49)");
        successor.Function.ShouldBe(SalesFunction.Closing);
        successor.IsArchived.ShouldBeFalse();
        (research.Function, research.IsArchived).ShouldBe((SalesFunction.OutboundProspecting, true));
        var order = organization.InCatalogueOrder().ToList();
        order.IndexOf(successor).ShouldBe(order.IndexOf(research) + 1);
        order.Select(a => a.SortOrder).ShouldBe(Enumerable.Range(0, order.Count));
    }

    [Fact]
    public void A_successor_may_be_named_and_its_name_must_be_new()
    {
        var organization = Organization.Create("Acme");
        var research = Named(organization, "Account research");

        Should.Throw<DomainRuleException>(() => organization.ReplaceActivity(research, SalesFunction.Closing, IsoWeek.Of(2026, 49), "demos")).Message
            .ShouldBe("There is already an activity named 'demos'.");
        research.IsArchived.ShouldBeFalse();
        organization.Activities.Count.ShouldBe(23);

        organization.ReplaceActivity(research, SalesFunction.Closing, IsoWeek.Of(2026, 49), " Deal research ").Name.ShouldBe("Deal research");
    }

    [Fact]
    public void A_successor_needs_a_live_activity_and_another_function()
    {
        var organization = Organization.Create("Acme");
        var research = Named(organization, "Account research");

        Should.Throw<DomainRuleException>(() => organization.ReplaceActivity(research, SalesFunction.OutboundProspecting, IsoWeek.Of(2026, 49))).Message
            .ShouldBe("'Account research' already counts for outbound prospecting.");
        research.Archive();
        Should.Throw<DomainRuleException>(() => organization.ReplaceActivity(research, SalesFunction.Closing, IsoWeek.Of(2026, 49))).Message.ShouldContain("is archived");
        Should.Throw<DomainRuleException>(() => Organization.Create("Other").ReplaceActivity(research, SalesFunction.Closing, IsoWeek.Of(2026, 49))).Message
            .ShouldContain("another organisation");
    }

    [Fact]
    public void A_long_name_is_cut_so_that_the_successor_name_fits()
    {
        var name = Organization.SuccessorName(new string('x', Activity.MaxNameLength), IsoWeek.Of(2026, 49));

        name.Length.ShouldBe(Activity.MaxNameLength);
        name.ShouldEndWith("x (from 2026-W49)");
    }

    [Fact]
    public void People_read_the_catch_alls_by_their_functions_plain_names()
    {
        Labels.OfActivity("Other – InboundQualification").ShouldBe("Other – Inbound qualification");
        Labels.OfActivity("Other – PostSales").ShouldBe("Other – Post-sales");
        Labels.OfActivity("Other – NonSelling").ShouldBe("Other – Non-selling");
        Labels.OfActivity("Cold calls").ShouldBe("Cold calls");
        // The stored names, which files use, stay as they are.
        Templates.CatchAllName(SalesFunction.InboundQualification).ShouldBe("Other – InboundQualification");
    }
}

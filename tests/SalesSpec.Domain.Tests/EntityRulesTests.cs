using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Tests;

/// <summary>The rules of activities, teams, roles and reps taken one by one: names, functions, archive and activity state.</summary>
public sealed class EntityRulesTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private Activity Named(string name) => _organization.Activities.Single(a => a.Name == name);

    private Role FullCycle => _organization.Roles.Single(r => r.Name == "Full-Cycle Rep");

    [Fact]
    public void An_activity_needs_a_known_function()
    {
        Should.Throw<DomainRuleException>(() => _organization.AddActivity("Partner calls", (SalesFunction)9)).Message.ShouldBe("Unknown function '9'.");
        Should.Throw<DomainRuleException>(() => Named("Demos").ChangeFunction((SalesFunction)9)).Message.ShouldBe("Unknown function '9'.");
        Should.Throw<DomainRuleException>(() => _organization.ReplaceActivity(Named("Demos"), (SalesFunction)9, IsoWeek.Of(2026, 49))).Message
            .ShouldBe("Unknown function '9'.");
    }

    [Fact]
    public void An_activity_needs_a_name_of_at_most_100_characters()
    {
        Should.Throw<DomainRuleException>(() => _organization.AddActivity(" ", SalesFunction.Closing)).Message.ShouldBe("Activity name is required.");
        Should.Throw<DomainRuleException>(() => Named("Demos").Rename(new string('d', 101))).Message
            .ShouldBe("Activity name must be at most 100 characters (got 101).");
        Named("Demos").Rename(new string('d', 100));
        _organization.Activities.ShouldContain(a => a.Name.Length == 100);
    }

    [Fact]
    public void A_catch_all_cannot_be_renamed_even_on_its_own()
    {
        var other = Named(Templates.CatchAllName(SalesFunction.Closing));

        Should.Throw<DomainRuleException>(() => other.Rename("Misc")).Message
            .ShouldBe("'Other – Closing' takes hours imported by function only; it keeps its name.");
    }

    [Fact]
    public void An_ordinary_activity_may_count_for_another_function_and_a_catch_all_may_keep_its_own()
    {
        var demos = Named("Demos");
        demos.ChangeFunction(SalesFunction.PostSales);
        demos.Function.ShouldBe(SalesFunction.PostSales);

        var other = Named(Templates.CatchAllName(SalesFunction.Closing));
        other.ChangeFunction(SalesFunction.Closing);
        other.Function.ShouldBe(SalesFunction.Closing);
    }

    [Fact]
    public void An_archived_activity_can_be_restored()
    {
        var demos = Named("Demos");

        demos.Archive();
        demos.IsArchived.ShouldBeTrue();
        demos.Restore();
        demos.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void A_successor_is_an_ordinary_activity()
    {
        var successor = _organization.ReplaceActivity(Named("Demos"), SalesFunction.PostSales, IsoWeek.Of(2026, 49));

        successor.IsCatchAll.ShouldBeFalse();
        successor.Rename("Product demos");
        successor.Name.ShouldBe("Product demos");
    }

    [Fact]
    public void Activities_of_the_catalogue_are_given_and_a_successor_name_needs_a_name()
    {
        Should.Throw<ArgumentNullException>(() => _organization.RenameActivity(null!, "x"));
        Should.Throw<ArgumentNullException>(() => Organization.SuccessorName(null!, IsoWeek.Of(2026, 49)));
    }

    [Fact]
    public void An_activity_of_another_organisation_is_refused()
    {
        var foreign = Organization.Create("Globex").Activities.Single(a => a.Name == "Demos");

        Should.Throw<DomainRuleException>(() => _organization.MoveActivity(foreign, 0)).Message.ShouldBe("Activity 'Demos' belongs to another organisation.");
    }

    [Fact]
    public void A_role_outside_the_template_names_the_workloads_it_has()
    {
        Should.Throw<DomainRuleException>(() => _organization.AddRole("Hybrid", Workload.DemandGeneration)).Message.ShouldBe(
            "Workload 'DemandGeneration' is not part of the FourRoles template; use one of InboundQualification, OutboundProspecting, Closing, PostSales.");
    }

    [Fact]
    public void Roles_and_teams_need_names()
    {
        Should.Throw<DomainRuleException>(() => _organization.AddRole(" ", Workload.Closing)).Message.ShouldBe("Role name is required.");
        Should.Throw<DomainRuleException>(() => _organization.AddTeam(" ")).Message.ShouldBe("Team name is required.");
        var east = _organization.AddTeam("East");
        Should.Throw<DomainRuleException>(() => east.Rename("")).Message.ShouldBe("Team name is required.");
        east.Rename(" East coast ");
        east.Name.ShouldBe("East coast");
    }

    [Fact]
    public void A_negative_cost_is_refused_with_the_amount()
    {
        Should.Throw<DomainRuleException>(() => FullCycle.SetAnnualLoadedCost(-5m)).Message.ShouldBe("Annual loaded cost cannot be negative; got -5.");
    }

    [Fact]
    public void A_new_rep_is_active_full_time_in_the_role_given_and_may_be_deactivated_and_activated()
    {
        var ana = Rep.Create("Ana Ruiz", "ana@acme.test", FullCycle);

        (ana.IsActive, ana.Fte, ana.Role, ana.Organization).ShouldBe((true, 1m, FullCycle, _organization));
        ana.Deactivate();
        ana.IsActive.ShouldBeFalse();
        ana.Activate();
        ana.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void A_rep_needs_a_role_and_a_name_and_keeps_them_trimmed()
    {
        Should.Throw<ArgumentNullException>(() => Rep.Create("Ana", "ana@acme.test", null!));
        var ana = Rep.Create(" Ana ", "ana@acme.test", FullCycle);
        ana.Name.ShouldBe("Ana");
        Should.Throw<ArgumentNullException>(() => ana.ChangeRole(null!));
        Should.Throw<DomainRuleException>(() => ana.Rename(" ")).Message.ShouldBe("Rep name is required.");
        Should.Throw<DomainRuleException>(() => Rep.Create(null!, "ana@acme.test", FullCycle)).Message.ShouldBe("Rep name is required.");
        Should.Throw<DomainRuleException>(() => Rep.Create(new string('a', 201), "ana@acme.test", FullCycle)).Message
            .ShouldBe("Rep name must be at most 200 characters (got 201).");
        Rep.Create(new string('a', 200), "ana@acme.test", FullCycle).Name.Length.ShouldBe(200);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_rep_needs_an_email(string? email)
    {
        Should.Throw<DomainRuleException>(() => Rep.Create("Ana", email!, FullCycle)).Message.ShouldBe("Email is required.");
    }

    [Fact]
    public void A_rep_may_change_email_and_role()
    {
        var ana = Rep.Create("Ana", "ana@acme.test", FullCycle);
        var manager = _organization.AddRole("Team Lead", Workload.Closing);

        ana.ChangeEmail(" ANA.RUIZ@acme.test ");
        ana.ChangeRole(manager);

        (ana.Email, ana.Role).ShouldBe(("ana.ruiz@acme.test", manager));
    }
}

using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Domain.Tests.Scenarios;

/// <summary>A saved scenario's limits: its period and focus, its name and notes, and how many decisions it holds.</summary>
public sealed class ScenarioLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W47");
    private static readonly Dictionary<string, string> NoMoves = [];
    private static readonly Dictionary<string, string> NoHandOffs = [];

    private readonly Organization _organization = Organization.Create("Acme");

    private Scenario Create() => Scenario.Create(_organization, "Plan", Week, Week, new DateOnly(2026, 12, 1), null, Now);

    [Fact]
    public void A_period_of_one_week_is_enough_and_a_new_scenario_has_no_notes()
    {
        var scenario = Create();

        (scenario.From, scenario.To, scenario.Notes, scenario.Focus, scenario.Organization).ShouldBe((Week, Week, "", (Workload?)null, _organization));
        (scenario.CreatedAt, scenario.UpdatedAt).ShouldBe((Now, Now));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Scenario.Create(_organization, "Plan", Week, Week.AddWeeks(-1), new DateOnly(2026, 12, 1), null, Now)).Message
            .ShouldBe("The period must start before it ends; got 2026-W47 to 2026-W46.");
    }

    [Fact]
    public void The_focus_must_be_a_workload_of_the_template()
    {
        Should.Throw<DomainRuleException>(() => Scenario.Create(_organization, "Plan", Week, Week, new DateOnly(2026, 12, 1), Workload.DemandGeneration, Now)).Message
            .ShouldBe("Workload 'DemandGeneration' is not part of the FourRoles template.");
        Scenario.Create(_organization, "Plan", Week, Week, new DateOnly(2026, 12, 1), Workload.PostSales, Now).Focus.ShouldBe(Workload.PostSales);
    }

    [Fact]
    public void A_scenario_needs_an_organisation_and_a_name()
    {
        Should.Throw<ArgumentNullException>(() => Scenario.Create(null!, "Plan", Week, Week, new DateOnly(2026, 12, 1), null, Now));
        Should.Throw<DomainRuleException>(() => Scenario.Create(_organization, " ", Week, Week, new DateOnly(2026, 12, 1), null, Now)).Message
            .ShouldBe("Scenario name is required.");
    }

    [Fact]
    public void Notes_are_trimmed_may_be_absent_and_are_at_most_2000_characters()
    {
        var scenario = Create();

        scenario.Describe("Plan B", $" {new string('n', Scenario.MaxNotesLength)} ");
        scenario.Notes.Length.ShouldBe(2000);
        Should.Throw<DomainRuleException>(() => scenario.Describe("Plan B", new string('n', 2001))).Message
            .ShouldBe("Notes must be at most 2000 characters (got 2001).");
        scenario.Describe("Plan C", null);
        (scenario.Name, scenario.Notes).ShouldBe(("Plan C", ""));
    }

    [Fact]
    public void A_copy_keeps_the_notes_focus_and_period()
    {
        var scenario = Scenario.Create(_organization, "Plan", Week.AddWeeks(-4), Week, new DateOnly(2026, 12, 1), Workload.Closing, Now);
        scenario.Describe("Plan", "Try two SDRs");

        var copy = scenario.Duplicate("Plan B", Now.AddDays(1));

        (copy.Notes, copy.Focus, copy.From, copy.To, copy.CreatedAt).ShouldBe(("Try two SDRs", (Workload?)Workload.Closing, Week.AddWeeks(-4), Week, Now.AddDays(1)));
    }

    [Fact]
    public void Up_to_20000_reps_may_change_role_but_no_more()
    {
        var scenario = Create();
        var moves = Enumerable.Range(0, Scenario.MaxMoves).ToDictionary(i => $"r{i}@x.test", _ => "Account Executive");

        scenario.Replace(moves, [], NoHandOffs, scenario.StartMonth, Now);
        scenario.Roles.Count.ShouldBe(20_000);

        moves["one-more@x.test"] = "Account Executive";
        Should.Throw<DomainRuleException>(() => scenario.Replace(moves, [], NoHandOffs, scenario.StartMonth, Now)).Message
            .ShouldBe("At most 20000 reps can change role in one scenario; got 20001.");
    }

    [Theory]
    [InlineData(" ", "Account Executive")]
    [InlineData("ana@x.test", " ")]
    public void Every_moved_rep_needs_an_email_and_a_role(string email, string role)
    {
        Should.Throw<DomainRuleException>(() => Create().Replace(new Dictionary<string, string> { [email] = role }, [], NoHandOffs, Week.Monday, Now)).Message
            .ShouldBe("Every moved rep needs an email and a role.");
    }

    [Fact]
    public void Up_to_30_lines_of_new_people_but_no_more()
    {
        var scenario = Create();
        var lines = Enumerable.Repeat(new ScenarioHire("Account Executive", 1, false, 0), Scenario.MaxHireLines).ToList();

        scenario.Replace(NoMoves, lines, NoHandOffs, scenario.StartMonth, Now);
        scenario.Hires.Count.ShouldBe(30);

        Should.Throw<DomainRuleException>(() => scenario.Replace(NoMoves, [.. lines, lines[0]], NoHandOffs, scenario.StartMonth, Now)).Message
            .ShouldBe("At most 30 lines of new people; got 31.");
    }

    [Fact]
    public void A_line_may_add_100_people_starting_in_the_last_month()
    {
        var scenario = Create();

        scenario.Replace(NoMoves, [new ScenarioHire("Account Executive", Scenario.MaxHireCount, false, ScenarioModel.Months - 1)], NoHandOffs, scenario.StartMonth, Now);

        scenario.Hires.Single().Count.ShouldBe(100);
    }

    [Fact]
    public void A_hand_off_point_may_be_60_characters_but_no_more()
    {
        var scenario = Create();
        var label = new string('p', HandOffEdge.MaxLabelLength);

        scenario.Replace(NoMoves, [], new Dictionary<string, string> { ["Closing>PostSales"] = label }, scenario.StartMonth, Now);
        scenario.HandOffs["Closing>PostSales"].ShouldBe(label);

        Should.Throw<DomainRuleException>(() => scenario.Replace(NoMoves, [], new Dictionary<string, string> { ["Closing>PostSales"] = label + "p" }, scenario.StartMonth, Now))
            .Message.ShouldBe("A hand-off point is 1 to 60 characters.");
    }

    [Fact]
    public void Replacing_needs_every_part_and_the_label_of_an_edge_needs_the_edge()
    {
        var scenario = Create();

        Should.Throw<ArgumentNullException>(() => scenario.Replace(null!, [], NoHandOffs, Week.Monday, Now));
        Should.Throw<ArgumentNullException>(() => scenario.Replace(NoMoves, null!, NoHandOffs, Week.Monday, Now));
        Should.Throw<ArgumentNullException>(() => scenario.Replace(NoMoves, [], null!, Week.Monday, Now));
        Should.Throw<ArgumentNullException>(() => scenario.HandOffLabel(null!));
    }

    [Theory]
    [InlineData(OrganizationTemplate.FourRoles, "Inbound lead|Target account|Sales-qualified lead|Qualified meeting booked|Customer deployed")]
    [InlineData(OrganizationTemplate.ThreeWorkloads, "Inbound lead or target account|Sales-qualified lead|Customer deployed")]
    public void The_default_hand_off_points_are_those_of_the_scenarios_guide(OrganizationTemplate template, string labels)
    {
        string.Join("|", HandOffEdge.Of(template).Select(e => e.DefaultLabel)).ShouldBe(labels);
    }

    [Fact]
    public void An_unknown_template_has_no_hand_offs()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => HandOffEdge.Of((OrganizationTemplate)9));
    }
}

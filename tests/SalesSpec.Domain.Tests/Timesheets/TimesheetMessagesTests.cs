using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Domain.Tests.Timesheets;

/// <summary>What a week's review says when a step is not allowed, and what each step records.</summary>
public sealed class TimesheetMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week47 = IsoWeek.Of(2026, 47);
    private readonly Organization _organization = Organization.Create("Acme");

    private Timesheet NewSheet() => Timesheet.Start(Rep.Create("Ana Ruiz", "ana@acme.test", _organization.Roles.First()), Week47, Now);

    private Timesheet Submitted()
    {
        var sheet = NewSheet();
        sheet.Submit(Now);
        return sheet;
    }

    [Fact]
    public void An_approved_week_cannot_be_submitted_again_or_changed()
    {
        var sheet = Submitted();
        sheet.Approve("Mia Manager", Now);

        Should.Throw<DomainRuleException>(() => sheet.Submit(Now)).Message.ShouldBe("Week 2026-W47 is approved and locked; it cannot be submitted again.");
        Should.Throw<DomainRuleException>(() => sheet.RecordEdit(Now)).Message.ShouldBe("Week 2026-W47 is approved and locked; it cannot be changed.");
    }

    [Fact]
    public void Only_a_submitted_week_is_rejected_and_the_message_says_its_state()
    {
        Should.Throw<DomainRuleException>(() => NewSheet().Reject("Mia", "Too many hours", Now)).Message
            .ShouldBe("Only a submitted week can be rejected; week 2026-W47 is draft.");
        Should.Throw<DomainRuleException>(() => NewSheet().Approve("Mia", Now)).Message
            .ShouldBe("Only a submitted week can be approved; week 2026-W47 is draft.");
    }

    [Fact]
    public void A_rejection_needs_a_comment_even_when_none_is_given()
    {
        Should.Throw<DomainRuleException>(() => Submitted().Reject("Mia", null!, Now)).Message
            .ShouldBe("Say why the week is rejected, so the rep knows what to fix.");
    }

    [Fact]
    public void A_comment_may_be_1000_characters_but_no_more()
    {
        Should.Throw<DomainRuleException>(() => Submitted().Reject("Mia", new string('c', 1001), Now)).Message
            .ShouldBe("The comment must be at most 1000 characters (got 1001).");

        var sheet = Submitted();
        sheet.Reject("Mia", $" {new string('c', 1000)} ", Now);
        sheet.ReviewComment!.Length.ShouldBe(1000);
    }

    [Fact]
    public void A_review_needs_a_reviewer_and_records_who_and_when()
    {
        Should.Throw<DomainRuleException>(() => Submitted().Approve(" ", Now)).Message.ShouldBe("Reviewer is required.");

        var sheet = Submitted();
        var later = Now.AddHours(2);
        sheet.Approve(" Mia Manager ", later);
        (sheet.ReviewedBy, sheet.ReviewedAt, sheet.UpdatedAt, sheet.ReviewComment).ShouldBe(("Mia Manager", (DateTimeOffset?)later, later, (string?)null));
    }

    [Fact]
    public void Only_an_approved_week_is_reopened()
    {
        Should.Throw<DomainRuleException>(() => Submitted().Reopen(Now)).Message
            .ShouldBe("Week 2026-W47 is not approved, so there is nothing to reopen.");
    }

    [Fact]
    public void Every_step_raises_the_version_and_records_the_time()
    {
        var sheet = NewSheet();
        var t = Now;

        sheet.RecordEdit(t = t.AddMinutes(1));
        (sheet.Version, sheet.UpdatedAt).ShouldBe((2, t));
        sheet.Submit(t = t.AddMinutes(1));
        (sheet.Version, sheet.SubmittedAt).ShouldBe((3, (DateTimeOffset?)t));
        sheet.Approve("Mia", t = t.AddMinutes(1));
        sheet.Version.ShouldBe(4);
        sheet.Reopen(t = t.AddMinutes(1));
        (sheet.Version, sheet.UpdatedAt, sheet.Status).ShouldBe((5, t, TimesheetStatus.Draft));
    }
}

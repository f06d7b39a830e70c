using SalesSpec.Domain.Access;

namespace SalesSpec.Domain.Tests.Access;

/// <summary>The one table of who may do what, as docs/security.md ("Who sees what") states it.</summary>
public sealed class PermissionsTests
{
    [Fact]
    public void An_admin_may_do_everything()
    {
        Enum.GetValues<Permission>().ShouldAllBe(p => Permissions.Allows(MemberRole.Admin, p));
    }

    [Fact]
    public void A_rep_may_only_log_their_own_week()
    {
        Enum.GetValues<Permission>().Where(p => Permissions.Allows(MemberRole.Rep, p)).ShouldBe([Permission.LogOwnWeek]);
    }

    [Fact]
    public void A_manager_sees_the_analysis_and_reviews_and_locks_only_the_teams_they_manage()
    {
        Enum.GetValues<Permission>().Where(p => Permissions.Allows(MemberRole.Manager, p)).ShouldBe(
            [Permission.SeeAnalysis, Permission.LogOwnWeek, Permission.ReviewManagedTeams, Permission.LockManagedTeams]);
    }

    [Fact]
    public void A_leader_sees_and_reviews_everything_imports_and_plans_lifts_locks_but_sets_none_and_changes_no_set_up()
    {
        Enum.GetValues<Permission>().Where(p => Permissions.Allows(MemberRole.Leader, p)).ShouldBe(
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.LogOwnWeek, Permission.ReviewAllTeams,
            Permission.ReviewManagedTeams, Permission.LiftLocks, Permission.Import, Permission.PlanScenarios,
        ]);
    }

    [Fact]
    public void A_consultant_reads_imports_plans_and_creates_organisations_but_logs_no_week_and_changes_no_set_up()
    {
        Enum.GetValues<Permission>().Where(p => Permissions.Allows(MemberRole.Consultant, p)).ShouldBe(
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.Import, Permission.PlanScenarios,
            Permission.CreateOrganizations,
        ]);
    }

    [Fact]
    public void A_role_outside_the_table_may_do_nothing()
    {
        Enum.GetValues<Permission>().ShouldAllBe(p => !Permissions.Allows((MemberRole)99, p));
    }

    [Theory]
    [InlineData(Permission.LogOwnWeek, new[] { MemberRole.Admin, MemberRole.Leader, MemberRole.Manager, MemberRole.Rep })]
    [InlineData(Permission.LockManagedTeams, new[] { MemberRole.Admin, MemberRole.Manager })]
    [InlineData(Permission.LiftLocks, new[] { MemberRole.Admin, MemberRole.Leader })]
    [InlineData(Permission.CreateOrganizations, new[] { MemberRole.Admin, MemberRole.Consultant })]
    [InlineData(Permission.SeeAuditLog, new[] { MemberRole.Admin })]
    public void RolesWith_lists_the_roles_that_hold_a_permission_in_role_order(Permission permission, MemberRole[] roles)
    {
        Permissions.RolesWith(permission).ShouldBe(roles);
    }

    [Fact]
    public void An_archived_organisation_keeps_only_reading_it_creating_others_and_restoring_or_deleting_it()
    {
        Enum.GetValues<Permission>().Where(Permissions.KeptInArchive).ShouldBe(
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.CreateOrganizations,
            Permission.ManageOrganization, Permission.DeleteOrganization, Permission.SeeAuditLog,
        ]);
    }

    [Fact]
    public void Every_permission_has_a_description_of_its_own()
    {
        var descriptions = Enum.GetValues<Permission>().Select(Permissions.Describe).ToList();

        descriptions.ShouldAllBe(d => d.Length > 10);
        descriptions.Distinct().Count().ShouldBe(descriptions.Count);
    }

    [Theory]
    [InlineData(Permission.LogOwnWeek, "Log their own week (members linked to a rep)")]
    [InlineData(Permission.ManageOrganization, "Rename, archive and restore the organisation; change its settings")]
    [InlineData(Permission.SeeAuditLog, "Read the audit log")]
    public void A_description_is_the_line_of_the_security_table(Permission permission, string line)
    {
        Permissions.Describe(permission).ShouldBe(line);
    }

    [Fact]
    public void A_permission_outside_the_enumeration_is_described_by_its_number()
    {
        Permissions.Describe((Permission)99).ShouldBe("99");
    }
}

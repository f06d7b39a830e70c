using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Domain.Workshops;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Imports.History;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Members.Services;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a subclass only so that its migrations
/// (Migrations/Sqlite, Migrations/Postgres) can live side by side in this assembly.
/// </summary>
/// <remarks>
/// Every organisation-owned row sits behind one query filter: a context sees the rows of the
/// organisation it is scoped to (<see cref="ScopeTo"/>) and nothing otherwise. A feature that forgets
/// to scope gets no data, never another organisation's. Code that must look across organisations
/// (start-up, the membership lookup) says so with <see cref="TenantFilter.AcrossOrganizations"/>. A member's
/// changes are audited, and the weekly summary kept, by <see cref="SaveInterceptor"/>.
/// </remarks>
public abstract class SalesSpecDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Role> SalesRoles => Set<Role>();

    public DbSet<Rep> Reps => Set<Rep>();

    /// <summary>Which team each rep was in, week by week (<see cref="Rep.TeamId"/> is the latest).</summary>
    public DbSet<RepTeamAssignment> RepTeamAssignments => Set<RepTeamAssignment>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<TimeLog> TimeLogs => Set<TimeLog>();

    /// <summary>The time logs summed per rep, week and function, kept with every write (<see cref="WeeklySummaries"/>).</summary>
    public DbSet<RepWeekSummary> RepWeekSummaries => Set<RepWeekSummary>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<MonthlyLeadCount> MonthlyLeadCounts => Set<MonthlyLeadCount>();

    public DbSet<Timesheet> Timesheets => Set<Timesheet>();

    public DbSet<CrmRuleSet> CrmRuleSets => Set<CrmRuleSet>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<WorkshopSession> WorkshopSessions => Set<WorkshopSession>();

    public DbSet<WorkshopAnswer> WorkshopAnswers => Set<WorkshopAnswer>();

    public DbSet<LockPeriod> LockPeriods => Set<LockPeriod>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Emails waiting to be sent, and what became of those sent (<see cref="MailOutboxService"/>).</summary>
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    /// <summary>Browser sign-ins; a cookie whose session has ended no longer counts.</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Who CRM owners are, as consultants mapped them once per organisation.</summary>
    public DbSet<CrmOwnerChoice> CrmOwnerChoices => Set<CrmOwnerChoice>();

    public DbSet<CrmSavedLayout> CrmSavedLayouts => Set<CrmSavedLayout>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The imports written, with what each replaced for 7 days (to roll it back).</summary>
    public DbSet<TimeLogImport> TimeLogImports => Set<TimeLogImport>();

    public DbSet<ImportedRepWeek> ImportedRepWeeks => Set<ImportedRepWeek>();

    public DbSet<ReplacedTimeLog> ReplacedTimeLogs => Set<ReplacedTimeLog>();

    /// <summary>Across organisations: what must outlive one, such as its deletion.</summary>
    public DbSet<SystemAuditEntry> SystemAuditEntries => Set<SystemAuditEntry>();

    /// <summary>The key ring that signs cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The signed-in user whose changes this context saves; their changes are audited.</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>Dates the audit entries; the app's clock, so a test that pins time pins these too.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public SalesSpecDbContext ActingAs(string userId)
    {
        ActorUserId = userId;
        return this;
    }

    /// <summary>What <see cref="SaveInterceptor"/> has collected while this context saves.</summary>
    internal PendingSave? PendingSave { get; set; }

    /// <summary>The one organisation this context may read; null reads none.</summary>
    public int? OrganizationScope { get; private set; }

    public SalesSpecDbContext ScopeTo(int organizationId)
    {
        OrganizationScope = organizationId;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalesSpecDbContext).Assembly);

        builder.Entity<Organization>().HasQueryFilter(TenantFilter.Name, o => o.Id == OrganizationScope);
        builder.Entity<Team>().HasQueryFilter(TenantFilter.Name, t => t.OrganizationId == OrganizationScope);
        builder.Entity<Role>().HasQueryFilter(TenantFilter.Name, r => r.OrganizationId == OrganizationScope);
        builder.Entity<Rep>().HasQueryFilter(TenantFilter.Name, r => r.OrganizationId == OrganizationScope);
        builder.Entity<RepTeamAssignment>().HasQueryFilter(TenantFilter.Name, a => a.Rep.OrganizationId == OrganizationScope);
        builder.Entity<Activity>().HasQueryFilter(TenantFilter.Name, a => a.OrganizationId == OrganizationScope);
        builder.Entity<TimeLog>().HasQueryFilter(TenantFilter.Name, t => t.Rep.OrganizationId == OrganizationScope);
        builder.Entity<RepWeekSummary>().HasQueryFilter(TenantFilter.Name, s => s.OrganizationId == OrganizationScope);
        builder.Entity<DataVersion>().HasQueryFilter(TenantFilter.Name, v => v.OrganizationId == OrganizationScope);
        builder.Entity<MonthlyLeadCount>().HasQueryFilter(TenantFilter.Name, m => m.OrganizationId == OrganizationScope);
        builder.Entity<Timesheet>().HasQueryFilter(TenantFilter.Name, t => t.Rep.OrganizationId == OrganizationScope);
        builder.Entity<LockPeriod>().HasQueryFilter(TenantFilter.Name, l => l.OrganizationId == OrganizationScope);
        builder.Entity<CrmRuleSet>().HasQueryFilter(TenantFilter.Name, r => r.OrganizationId == OrganizationScope);
        builder.Entity<CrmOwnerChoice>().HasQueryFilter(TenantFilter.Name, c => c.OrganizationId == OrganizationScope);
        builder.Entity<CrmSavedLayout>().HasQueryFilter(TenantFilter.Name, l => l.OrganizationId == OrganizationScope);
        builder.Entity<Scenario>().HasQueryFilter(TenantFilter.Name, s => s.OrganizationId == OrganizationScope);
        builder.Entity<WorkshopSession>().HasQueryFilter(TenantFilter.Name, s => s.OrganizationId == OrganizationScope);
        builder.Entity<WorkshopAnswer>().HasQueryFilter(TenantFilter.Name, a => a.OrganizationId == OrganizationScope);
        builder.Entity<Notification>().HasQueryFilter(TenantFilter.Name, n => n.OrganizationId == OrganizationScope);
        builder.Entity<OutboxEmail>().HasQueryFilter(TenantFilter.Name, e => e.OrganizationId == OrganizationScope);
        builder.Entity<Membership>().HasQueryFilter(TenantFilter.Name, m => m.OrganizationId == OrganizationScope);
        builder.Entity<ManagedTeam>().HasQueryFilter(TenantFilter.Name, m => m.Team.OrganizationId == OrganizationScope);
        builder.Entity<Invitation>().HasQueryFilter(TenantFilter.Name, i => i.OrganizationId == OrganizationScope);
        builder.Entity<AuditEntry>().HasQueryFilter(TenantFilter.Name, a => a.OrganizationId == OrganizationScope);
        builder.Entity<TimeLogImport>().HasQueryFilter(TenantFilter.Name, i => i.OrganizationId == OrganizationScope);
        builder.Entity<ImportedRepWeek>().HasQueryFilter(TenantFilter.Name, w => w.OrganizationId == OrganizationScope);
        builder.Entity<ReplacedTimeLog>().HasQueryFilter(TenantFilter.Name, t => t.OrganizationId == OrganizationScope);
    }
}

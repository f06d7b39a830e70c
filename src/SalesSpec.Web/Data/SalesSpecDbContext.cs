using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a subclass only so that its migrations
/// (Migrations/Sqlite, Migrations/Postgres) can live side by side in this assembly.
/// </summary>
public abstract class SalesSpecDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<Rep> Reps => Set<Rep>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<TimeLog> TimeLogs => Set<TimeLog>();

    public DbSet<MonthlyLeadCount> MonthlyLeadCounts => Set<MonthlyLeadCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SalesSpecDbContext).Assembly);
}

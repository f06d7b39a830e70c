using Microsoft.EntityFrameworkCore.Design;

namespace SalesSpec.Web.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesSpecDbContext>
{
    public SqliteSalesSpecDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalesSpecDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesSpecDbContext>
{
    public PostgresSalesSpecDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSalesSpecDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

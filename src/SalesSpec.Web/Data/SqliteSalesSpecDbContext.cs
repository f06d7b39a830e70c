namespace SalesSpec.Web.Data;

public sealed class SqliteSalesSpecDbContext(DbContextOptions<SqliteSalesSpecDbContext> options) : SalesSpecDbContext(options);

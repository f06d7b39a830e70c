namespace SalesSpec.Web.Data;

public sealed class PostgresSalesSpecDbContext(DbContextOptions<PostgresSalesSpecDbContext> options) : SalesSpecDbContext(options);

namespace SalesSpec.Web.Data;

/// <summary>Lets features ask for the provider-neutral context while EF builds the provider's subclass.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner, TimeProvider clock) : IDbContextFactory<SalesSpecDbContext>
    where TContext : SalesSpecDbContext
{
    public SalesSpecDbContext CreateDbContext()
    {
        var context = inner.CreateDbContext();
        context.Clock = clock;
        return context;
    }
}

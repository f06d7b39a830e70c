using FluentValidation;
using MudBlazor.Services;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Organizations;

namespace SalesSpec.Web.Setup;

public static class WebSetup
{
    public static IServiceCollection AddSalesSpecWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSalesSpecIdentity();
        services.AddSingleton(TimeProvider.System);
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<OrganizationOverviewService>();
        services.AddSingleton<AnalysisService>();
        services.AddSingleton<SalesSpec.Web.Features.Members.MembersService>();
        services.AddSingleton<SalesSpec.Web.Features.Members.OrganizationOverviewLookup>();
        services.AddSingleton<SalesSpec.Web.Features.Audit.AuditService>();
        services.AddValidatorsFromAssemblyContaining<AnalysisQueryValidator>(ServiceLifetime.Singleton);
        services.AddProblemDetails();
        services.AddSalesSpecRateLimits(configuration);
        // Only the public API goes in the OpenAPI document.
        services.AddOpenApi(options => options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        return services;
    }
}

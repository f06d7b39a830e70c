using FluentValidation;
using MudBlazor.Services;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Setup;

public static class WebSetup
{
    public static IServiceCollection AddSalesSpecWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options => CircuitSettings.Apply(options, configuration))
            .AddHubOptions(options => CircuitSettings.Apply(options, configuration));
        services.AddMudServices();
        services.AddSalesSpecIdentity();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .PostConfigure<IHostEnvironment>((demo, environment) => demo.Enabled ??= environment.IsDevelopment());
        services.AddSingleton<OrganizationOverviewService>();
        services.AddSingleton<OrganizationAdminService>();
        services.AddSalesSpecCache(configuration);
        services.AddSingleton<AnalysisService>();
        services.AddSingleton<SalesSpec.Web.Features.Members.Services.MembersService>();
        services.AddSingleton<SalesSpec.Web.Features.Members.Services.OrganizationOverviewLookup>();
        services.AddSingleton<SalesSpec.Web.Features.Audit.AuditService>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<EmailSender>();
        services.Configure<MailOutboxOptions>(configuration.GetSection(MailOutboxOptions.Section));
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxService>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<WeekService>();
        services.AddSingleton<TeamWeekService>();
        services.AddSingleton<RepFocusService>();
        services.AddSingleton<SalesSpec.Web.Features.Dashboard.Services.DashboardService>();
        services.Configure<SalesSpec.Web.Features.Imports.Services.ImportOptions>(configuration.GetSection(SalesSpec.Web.Features.Imports.Services.ImportOptions.Section));
        services.AddSingleton<SalesSpec.Web.Features.Imports.Services.TimeLogImportService>();
        services.AddSingleton<SalesSpec.Web.Features.Imports.Services.ImportHistoryService>();
        services.AddSingleton<SalesSpec.Web.Features.Imports.Services.TimeLogExportService>();
        services.AddSingleton<SalesSpec.Web.Features.Imports.Services.ExportGate>();
        services.AddScoped<SalesSpec.Web.Features.Accounts.Services.SignInCheck>();
        services.AddHostedService<SalesSpec.Web.Features.Imports.Services.SpoolSweeper>();
        services.AddSingleton<SalesSpec.Web.Features.LeadCounts.LeadCountService>();
        services.AddSingleton<SalesSpec.Web.Features.CrmImports.Services.CrmRuleService>();
        services.AddSingleton<SalesSpec.Web.Features.CrmImports.Services.CrmImportService>();
        services.AddSingleton<SalesSpec.Web.Features.Scenarios.Services.ScenarioService>();
        services.AddSingleton<SalesSpec.Web.Features.Workshops.Services.WorkshopNotifier>();
        services.AddHostedService<SalesSpec.Web.Features.Workshops.Services.WorkshopListener>();
        services.AddSingleton<SalesSpec.Web.Features.Workshops.Services.WorkshopService>();
        services.AddSingleton<SalesSpec.Web.Features.Workshops.Services.JoinService>();
        services.AddSingleton<SalesSpec.Web.Features.Workshops.Services.WorkshopSaveService>();
        services.AddSingleton<SalesSpec.Web.Features.Organizations.Services.ReferenceFigureSetting>();
        services.AddSingleton<SalesSpec.Web.Features.Teams.TeamsService>();
        services.AddSingleton<SalesSpec.Web.Features.People.Services.PeopleService>();
        services.AddSingleton<SalesSpec.Web.Features.Catalogue.Services.CatalogueService>();
        services.AddSingleton<SalesSpec.Web.Features.Roles.Services.RolesService>();
        services.AddValidatorsFromAssemblyContaining<AnalysisQueryValidator>(ServiceLifetime.Singleton);
        services.AddProblemDetails();
        services.AddApiErrors();
        services.AddApiCsrf();
        // Enums travel as their names ("Hours", "Submitted"), read case-insensitively.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new IsoWeekJsonConverter());
        });
        services.AddSalesSpecProxy(configuration);
        services.AddSalesSpecTelemetry(configuration);
        services.AddSalesSpecRateLimits(configuration);
        // Only the public API goes in the OpenAPI document.
        services.AddOpenApi(options => options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        return services;
    }
}

using SalesSpec.Web.Components;
using SalesSpec.Web.Features.Accounts.Api;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Catalogue.Api;
using SalesSpec.Web.Features.CrmImports.Api;
using SalesSpec.Web.Features.Imports.Api;
using SalesSpec.Web.Features.Notifications.Api;
using SalesSpec.Web.Features.Organizations.Api;
using SalesSpec.Web.Features.People.Api;
using SalesSpec.Web.Features.Roles.Api;
using SalesSpec.Web.Features.Workshops.Api;
using SalesSpec.Web.Features.Scenarios.Api;
using SalesSpec.Web.Features.Teams;
using SalesSpec.Web.Features.Timesheets.Api;
using SalesSpec.Web.Setup;
using Scalar.AspNetCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesSpecLogging();
builder.Services.AddSalesSpecDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSalesSpecWeb(builder.Configuration);

var app = builder.Build();
// First: everything after it (errors, logs, rate limits, cookies) sees the client's address and scheme.
app.UseSalesSpecProxy(app.Environment);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        CreateScopeForErrors = true,
        // A request the app could not read (a bad form post, say) is the caller's error, not the server's.
        StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    });
}
app.UseSerilogRequestLogging();
app.UseSecurityHeaders();
app.UseContentSecurityPolicy();
// The API answers every failure as problem+json (a 500 with its trace id, malformed JSON as 400), never
// as the error page, and nothing it returns is kept by a cache.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseApiErrors());
// Pages get a friendly not-found page; the API keeps its status codes and problem details. (Re-execution must sit
// in the main pipeline: inside a UseWhen branch it re-ran without the page's endpoint and sent an empty 404.)
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    // Only a page someone opens gets it: a POST re-executed as POST /not-found would meet the page's antiforgery check.
    if ((context.Request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
    {
        pages.Enabled = false;
    }
    return next(context);
});
app.UseAuthentication();
// A data-changing API call on the session cookie alone must come from SalesSpec's own pages.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseApiCsrfCheck());
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSalesSpecHealth();
// Every API endpoint sits in this group: signed-in callers only, whatever an endpoint forgets.
var api = app.MapGroup("/api/v1").RequireAuthorization(IdentitySetup.ApiPolicy);
api.MapAnalysisEndpoints();
api.MapAuthApiEndpoints();
api.MapAntiforgeryEndpoints();
api.MapTimesheetEndpoints();
api.MapImportEndpoints();
api.MapCrmImportEndpoints();
api.MapScenarioEndpoints();
api.MapOrganizationEndpoints();
api.MapTeamEndpoints();
api.MapPeopleEndpoints();
api.MapCatalogueEndpoints();
api.MapRolesEndpoints();
api.MapWorkshopEndpoints();
app.MapOpenApi();
app.MapScalarApiReference(options => options.WithTitle("SalesSpec API"));
app.MapAccountEndpoints();
app.MapNotificationFormEndpoints();
// frame-ancestors is in the app's own Content-Security-Policy: one policy header, not two.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

await app.InitializeDatabaseAsync();
if (args.Contains(SummaryRebuild.Command, StringComparer.Ordinal))
{
    return await SummaryRebuild.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
}
await app.RunAsync();
return 0;

// Lets the tests host the app through WebApplicationFactory<Program>.
public partial class Program;

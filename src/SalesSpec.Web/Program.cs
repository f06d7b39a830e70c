using SalesSpec.Web.Components;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Setup;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesSpecLogging();
builder.Services.AddSalesSpecDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSalesSpecWeb(builder.Configuration);

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseSerilogRequestLogging();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapAnalysisEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.InitializeDatabaseAsync();
await app.RunAsync();

// Lets the tests host the app through WebApplicationFactory<Program>.
public partial class Program;

using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Web.Components.Layout;
using SalesSpec.Web.Features.Scenarios;

namespace SalesSpec.Web.Tests.Layout;

/// <summary>
/// The workshop report and the audit log are static pages: excluded from interactive routing (no circuit holding the
/// page per open tab), and not streamed, so a failure still ends on the app's error page. The report's layout does its only action, printing, in the browser; the audit
/// log's keeps the navigation, with only the bar's bell and account menu live (tested in the browser).
/// </summary>
public sealed class DocumentLayoutTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public DocumentLayoutTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void The_layout_shows_the_page_under_the_brand_with_a_way_back_and_the_print_script()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/organizations/3/scenarios/5/report");
        var layout = _context.Render<DocumentLayout>(parameters => parameters
            .Add(x => x.Body, (RenderFragment)(builder => builder.AddMarkupContent(0, "<h1 data-testid=\"body\">The report</h1>"))));

        layout.Find("[data-rendering=static] main#main [data-testid=body]").TextContent.ShouldBe("The report");
        layout.Find(".document-brand").GetAttribute("href").ShouldBe("/");
        // Not a bare "#main": against <base href="/"> that would leave the report for the start page.
        layout.Find("[data-testid=skip-link]").GetAttribute("href").ShouldBe("http://localhost/organizations/3/scenarios/5/report#main");
        layout.Find("script").GetAttribute("src").ShouldBe("js/document.js");
    }

    [Fact]
    public void The_report_renders_statically_in_the_document_layout()
    {
        var page = typeof(ScenarioReportPage);

        page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>().ShouldNotBeNull();
        // Not streamed: a failure after the first streamed chunk could no longer reach the app's error page.
        page.GetCustomAttribute<StreamRenderingAttribute>().ShouldBeNull();
        page.GetCustomAttribute<LayoutAttribute>().ShouldNotBeNull().LayoutType.ShouldBe(typeof(DocumentLayout));
    }

    [Theory]
    [InlineData(typeof(SalesSpec.Web.Features.Audit.AuditPage))]
    [InlineData(typeof(SalesSpec.Web.Features.Organizations.OrganizationOverviewPage))]
    public void The_audit_log_and_the_overview_render_statically_in_the_static_layout_with_a_live_bar(Type page)
    {
        page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>().ShouldNotBeNull();
        // Not streamed: a failure after the first streamed chunk could no longer reach the app's error page.
        page.GetCustomAttribute<StreamRenderingAttribute>().ShouldBeNull();
        page.GetCustomAttribute<LayoutAttribute>().ShouldNotBeNull().LayoutType.ShouldBe(typeof(StaticLayout));
    }
}

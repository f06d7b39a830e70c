using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Workshops;
using SalesSpec.Web.Features.Workshops.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Workshops;

/// <summary>The projector page: hidden until revealed, then each answer from a phone appears without a reload.</summary>
public sealed class WorkshopProjectorTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    [Fact]
    public async Task Answers_appear_live_and_the_inbound_break_out_once_they_cross_the_line()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var services = WorkshopServiceTests.For(database);
        var catalogue = await WorkshopServiceTests.CatalogueAsync(database);
        var consultant = await database.MemberOfAsync("consultant@demo.salesspec", DemoOrganization.Name);
        var id = (await services.Workshops.CreateAsync(consultant, new WorkshopForm { Title = "Kick-off" })).Value;
        var code = (await services.Workshops.ListAsync(consultant)).Single().Code;

        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(Clock);
        context.Services.AddSingleton(database.Factory);
        context.Services.AddSingleton(database.Access);
        context.Services.AddSingleton(services.Notifier);
        context.Services.AddSingleton(services.Workshops);
        await context.SignInAsync(database, "consultant@demo.salesspec");

        var page = context.Render<WorkshopProjectorPage>(p => p.Add(x => x.OrganizationId, consultant.OrganizationId).Add(x => x.SessionId, id));
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=answer-count]").TextContent.ShouldBe("0"));
        page.Find("[data-testid=join-code]").TextContent.ShouldBe(code);
        page.Find("[data-testid=join-link]").TextContent.ShouldEndWith("/join/" + code.Replace("-", "", StringComparison.Ordinal));
        page.Find("[data-testid=join-panel] svg").ShouldNotBeNull();

        (await services.Join.AnswerAsync(code, "phone-1", WorkshopServiceTests.Answer(catalogue, 30m, "AR"))).Succeeded.ShouldBeTrue();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=answer-count]").TextContent.ShouldBe("1"));
        page.FindAll("[data-testid=answer-row]").ShouldBeEmpty("hidden until revealed");
        page.Find("[data-testid=not-revealed]").ShouldNotBeNull();

        await page.Find("[data-testid=reveal]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=answer-label]").Select(e => e.TextContent).ShouldBe(["AR"]));

        (await services.Join.AnswerAsync(code, "phone-2", WorkshopServiceTests.Answer(catalogue, 5m, "BC"))).Succeeded.ShouldBeTrue();
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=answer-label]").Select(e => e.TextContent).ShouldBe(["AR", "BC"]));
        page.FindAll("[data-testid=recommendation][data-kind=SplitOutRole]").ShouldBeEmpty("17.5 % of the time is inbound, under the line");

        (await services.Join.AnswerAsync(code, "phone-3", WorkshopServiceTests.Answer(catalogue, 40m, "CD"))).Succeeded.ShouldBeTrue();
        await page.WaitForAssertionAsync(() =>
        {
            page.Find("[data-testid=answer-count]").TextContent.ShouldBe("3");
            page.FindAll("[data-testid=recommendation][data-kind=SplitOutRole]").Select(e => e.QuerySelector("[data-testid=recommendation-title]")!.TextContent)
                .ShouldContain(title => title.Contains("inbound", StringComparison.OrdinalIgnoreCase));
        });
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Profile;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Profile;

/// <summary>The decimal mark a person chooses on their profile, stored on both databases and chosen on the page.</summary>
public sealed class NumberPreferenceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_point_a_comma_or_the_browser_is_stored_and_anything_else_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var user = (await database.PrincipalAsync("rep@demo.salesspec")).FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var preferences = new NumberPreferenceService(database.Factory);

        (await preferences.GetAsync(user)).ShouldBeNull("a new account follows its browser");
        (await preferences.SetAsync(user, ",")).Succeeded.ShouldBeTrue();
        (await preferences.GetAsync(user)).ShouldBe(",");
        var refused = await preferences.SetAsync(user, ";");
        (refused.Kind, refused.Message).ShouldBe((SalesSpec.Web.Features.Access.OutcomeKind.Invalid,
            "';' is not a decimal mark; choose a point (7.5), a comma (7,5), or your browser's language."));
        (await preferences.GetAsync(user)).ShouldBe(",");
        (await preferences.SetAsync(user, null)).Succeeded.ShouldBeTrue();
        (await preferences.GetAsync(user)).ShouldBeNull();
    }

    [Fact]
    public async Task The_profile_saves_the_chosen_mark_and_reloads_to_show_it()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(Clock);
        context.Services.AddSingleton(database.Factory);
        context.Services.AddSingleton<PersonalAccessTokenService>();
        context.Services.AddSingleton<NumberPreferenceService>();
        context.Services.AddSingleton<FluentValidation.IValidator<CreateTokenForm>, CreateTokenFormValidator>();
        await context.SignInAsync(database, "rep@demo.salesspec");
        context.Render<MudPopoverProvider>();

        var page = context.Render<CascadingValue<PersonNumbers>>(p => p
            .Add(x => x.Value, new PersonNumbers(false))
            .AddChildContent<ProfilePage>());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=number-preference]").TextContent.ShouldContain("As my browser's language says (here: 7.5)"));
        page.Find("[data-testid=save-mark]").HasAttribute("disabled").ShouldBeTrue("nothing changed yet");

        var group = page.FindComponent<MudRadioGroup<string>>();
        await page.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(","));
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=save-mark]").HasAttribute("disabled").ShouldBeFalse());
        await page.Find("[data-testid=save-mark]").ClickAsync(new());

        var user = (await database.PrincipalAsync("rep@demo.salesspec")).FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        (await new NumberPreferenceService(database.Factory).GetAsync(user)).ShouldBe(",");
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith("/profile");
    }
}

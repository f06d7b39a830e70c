using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Layout;

/// <summary>
/// The bar of the static pages through the whole app over HTTP: its notifications are forms that mark one read and go
/// to its page (only the person's own, only with the page's antiforgery token, only to addresses on this site), and
/// "mark all as read" comes back to the page it was on.
/// </summary>
public sealed class StaticBarTests : IAsyncLifetime
{
    private const string Rep = "rep@demo.salesspec";
    private readonly AppFactory _app = new();
    private long _reminder;
    private long _othersReminder;

    public async ValueTask InitializeAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>().CreateDbContextAsync();
        var organization = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == AppFactory.Northwind).SingleAsync();
        db.ScopeTo(organization.Id);
        var olivia = await db.Reps.Where(r => r.Email == "olivia.patel@northwind.test").Select(r => r.Id).SingleAsync();
        var other = await db.Reps.Where(r => r.Email == "kara.lopez@northwind.test").Select(r => r.Id).SingleAsync();
        var mine = Reminder(organization.Id, olivia, "/organizations/1/my-week/2026-W47");
        var theirs = Reminder(organization.Id, other, "/organizations/1/my-week/2026-W46");
        db.Notifications.AddRange(mine, theirs);
        await db.SaveChangesAsync();
        (_reminder, _othersReminder) = (mine.Id, theirs.Id);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Notification Reminder(int organization, int rep, string link) => new()
    {
        Kind = NotificationKind.Reminder,
        OrganizationId = organization,
        RepId = rep,
        Message = "Mia Manager reminds you to submit your week.",
        Link = link,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<bool> IsReadAsync(long id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>().CreateDbContextAsync();
        return await db.Notifications.IgnoreQueryFilters().Where(n => n.Id == id).Select(n => n.ReadAt != null).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields, bool withToken = true)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        if (withToken)
        {
            fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        }
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>A browser that does not follow redirects, so a test sees where a form sends it.</summary>
    private async Task<HttpClient> SignedInWithoutRedirectsAsync()
    {
        var client = _app.Client(redirects: false);
        using var signedIn = await SignIn.PostLoginAsync(client, Rep, SignIn.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task The_static_bar_lists_the_notifications_as_forms_with_no_circuit()
    {
        using var rep = await _app.SignedInAsync(Rep);
        var html = await rep.GetStringAsync(new Uri("/organizations/1", UriKind.Relative));

        html.ShouldContain("aria-label=\"Notifications, 1 unread\"");
        html.ShouldContain($"name=\"id\" value=\"{_reminder}\"");
        html.ShouldNotContain($"value=\"{_othersReminder}\"");
        html.Split("\"type\":\"server\"").Length.ShouldBe(1, "no interactive component on the page, the bar included");
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_page()
    {
        using var rep = await SignedInWithoutRedirectsAsync();

        using var response = await PostAsync(rep, "/organizations/1", "/notifications/open",
            new() { ["id"] = _reminder.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "/organizations/1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/organizations/1/my-week/2026-W47");
        (await IsReadAsync(_reminder)).ShouldBeTrue();
    }

    [Fact]
    public async Task Someone_elses_notification_stays_unread_and_a_foreign_return_address_goes_home()
    {
        using var rep = await SignedInWithoutRedirectsAsync();

        using var response = await PostAsync(rep, "/organizations/1", "/notifications/open",
            new() { ["id"] = _othersReminder.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "//evil.test/steal" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        (await IsReadAsync(_othersReminder)).ShouldBeFalse();
        (await IsReadAsync(_reminder)).ShouldBeFalse();
    }

    [Fact]
    public async Task Marking_all_read_comes_back_to_the_page_and_needs_the_pages_token()
    {
        using var rep = await SignedInWithoutRedirectsAsync();
        const string Page = "/organizations/1?q=kara&page=1";

        using var forged = await PostAsync(rep, Page, "/notifications/read-all", new() { ["returnUrl"] = Page }, withToken: false);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await IsReadAsync(_reminder)).ShouldBeFalse();

        using var response = await PostAsync(rep, Page, "/notifications/read-all", new() { ["returnUrl"] = Page });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(Page);
        (await IsReadAsync(_reminder)).ShouldBeTrue();
        (await IsReadAsync(_othersReminder)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/notifications/read-all")]
    [InlineData("/notifications/open")]
    public async Task Signed_out_the_forms_lead_to_the_sign_in_page(string action)
    {
        // A valid token (from the sign-in page), so it is the sign-in that is missing, not the token.
        using var anonymous = _app.Client(redirects: false);
        using var response = await PostAsync(anonymous, "/Account/Login", action,
            new() { ["id"] = _reminder.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "/" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
        (await IsReadAsync(_reminder)).ShouldBeFalse();
    }
}

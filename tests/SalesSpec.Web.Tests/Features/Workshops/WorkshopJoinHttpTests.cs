using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Workshops.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Workshops;

/// <summary>
/// The phone's join page over HTTP, signed out: what a join code shows (the workshop's title and the lists to answer
/// from, nothing else of the organisation or the consultant), the answer's round trip, and the limits on guessing.
/// </summary>
public sealed class WorkshopJoinHttpTests : IAsyncLifetime
{
    private static readonly string[] NotForPhones = ["Contoso", "contoso.test", "Priya Shah", "Omar Haddad", "Casey", "consultant@", "demo.salesspec"];

    private readonly AppFactory _app = new(settings: new Dictionary<string, string>
    {
        ["RateLimits:WorkshopAnswersPerMinute"] = "4",
        ["RateLimits:JoinPerMinute"] = "40",
    })
    { MoreServices = ClientAddress.Register };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(string Code, int Id, MemberAccess Consultant)> OpenContosoWorkshopAsync(bool anonymous = true)
    {
        _app.StartServer();
        var factory = _app.Services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();
        string userId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.Email == "consultant@demo.salesspec").Select(u => u.Id).SingleAsync();
        }
        var consultant = new MemberAccess(userId, AppFactory.Contoso, "Contoso Analytics", MemberRole.Consultant, null, new HashSet<int>());
        var workshops = _app.Services.GetRequiredService<WorkshopService>();
        var created = await workshops.CreateAsync(consultant, new WorkshopForm { Title = "Q1 restructuring", IsAnonymous = anonymous });
        created.Errors.ShouldBeEmpty();
        var code = (await workshops.ListAsync(consultant)).Single().Code.Replace("-", "", StringComparison.Ordinal);
        return (code, created.Value, consultant);
    }

    private async Task<Dictionary<string, string>> AnswerFieldsAsync(HttpClient client, string code, decimal inbound, decimal other)
    {
        var page = await client.GetStringAsync(new Uri($"/join/{code}", UriKind.Relative));
        var factory = _app.Services.GetRequiredService<IDbContextFactory<SalesSpecDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.ScopeTo(AppFactory.Contoso);
        var role = await db.SalesRoles.Select(r => r.Id).FirstAsync();
        var inboundId = await db.Activities.Where(a => a.Function == SalesFunction.InboundQualification && !a.IsArchived).Select(a => a.Id).FirstAsync();
        var otherId = await db.Activities.Where(a => a.Function == SalesFunction.Closing && !a.IsArchived).Select(a => a.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["_handler"] = "answer",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Name"] = "Ann Rye",
            ["Input.RoleId"] = role.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Shares[0].ActivityId"] = inboundId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Shares[0].Percent"] = inbound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Shares[1].ActivityId"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Shares[1].Percent"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Local(Uri location) => new Uri(new Uri("http://localhost"), location).PathAndQuery;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string code, Dictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/join/{code}", UriKind.Relative), form);
    }

    [Fact]
    public async Task A_join_code_shows_the_workshop_and_its_lists_and_nothing_else_of_the_organisation()
    {
        var (code, _, _) = await OpenContosoWorkshopAsync();
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri($"/join/{code.ToLowerInvariant()}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("Q1 restructuring");
        body.ShouldContain("data-testid=\"join-form\"");
        NotForPhones.ShouldAllBe(secret => !body.Contains(secret, StringComparison.OrdinalIgnoreCase));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(JoinService.DeviceCookie + "=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("path=/join", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    [Fact]
    public async Task An_answer_is_posted_saved_and_shown_again_and_a_bad_one_saves_nothing()
    {
        var (code, id, consultant) = await OpenContosoWorkshopAsync();
        using var client = _app.Client(redirects: false);
        var workshops = _app.Services.GetRequiredService<WorkshopService>();

        using (var bad = await PostAsync(client, code, await AnswerFieldsAsync(client, code, 30m, 60m)))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var body = await bad.Content.ReadAsStringAsync();
            body.ShouldContain("The percentages add up to 90 %; they must add up to 100 %.");
            body.ShouldContain("value=\"30\"");
        }
        (await workshops.BoardAsync(consultant, id)).Value!.AnswerCount.ShouldBe(0);

        using (var good = await PostAsync(client, code, await AnswerFieldsAsync(client, code, 30m, 70m)))
        {
            good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            Local(good.Headers.Location!).ShouldBe($"/join/{code}?saved=true");
        }
        var thanks = await client.GetStringAsync(new Uri($"/join/{code}?saved=true", UriKind.Relative));
        thanks.ShouldContain("data-testid=\"join-saved\"");
        thanks.ShouldContain("Update my answer");
        var board = (await workshops.BoardAsync(consultant, id)).Value!;
        board.AnswerCount.ShouldBe(1);
        board.Answers.Single().Label.ShouldBe("AR");
    }

    [Fact]
    public async Task A_closed_workshop_says_so_and_refuses_the_answer()
    {
        var (code, id, consultant) = await OpenContosoWorkshopAsync();
        using var client = _app.Client(redirects: false);
        var fields = await AnswerFieldsAsync(client, code, 30m, 70m);
        (await _app.Services.GetRequiredService<WorkshopService>().CloseAsync(consultant, id)).Succeeded.ShouldBeTrue();

        using var refused = await PostAsync(client, code, fields);
        var body = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        body.ShouldContain("This workshop is closed: answers are no longer taken.");
        body.ShouldNotContain("data-testid=\"join-form\"");
        (await _app.Services.GetRequiredService<WorkshopService>().BoardAsync(consultant, id)).Value!.AnswerCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("/join/ABCDEFGH", HttpStatusCode.OK)]
    [InlineData("/join/not-a-code", HttpStatusCode.OK)]
    [InlineData("/join?code=xyz", HttpStatusCode.OK)]
    public async Task An_unknown_code_gets_a_clear_page(string address, HttpStatusCode status)
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(status);
        body.ShouldContain("data-testid=\"join-unknown\"");
        body.ShouldContain("data-testid=\"join-code-form\"");
    }

    [Fact]
    public async Task A_typed_code_goes_to_its_workshop_whatever_its_case_spaces_and_dashes()
    {
        var (code, _, _) = await OpenContosoWorkshopAsync();
        using var client = _app.Client(redirects: false);
        var typed = $" {code[..4].ToLowerInvariant()} - {code[4..]} ";

        using var response = await client.GetAsync(new Uri($"/join?code={Uri.EscapeDataString(typed)}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Local(response.Headers.Location!).ShouldBe($"/join/{code}");
    }

    [Fact]
    public async Task Answers_are_limited_per_phone_and_code_and_pages_per_address()
    {
        var (code, _, _) = await OpenContosoWorkshopAsync();
        using var phone = _app.Client(redirects: false).From("10.0.0.7");
        using var neighbour = _app.Client(redirects: false).From("10.0.0.7");
        var fields = await AnswerFieldsAsync(phone, code, 30m, 70m);
        var neighbourFields = await AnswerFieldsAsync(neighbour, code, 20m, 80m);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await PostAsync(phone, code, fields);
            statuses.Add(response.StatusCode);
        }
        // The room behind one address is not one phone: the neighbour still answers.
        using (var other = await PostAsync(neighbour, code, neighbourFields))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);

        // Trying codes: every request to /join counts against the address (40 a minute here, 1,200 by default).
        using var guesser = _app.Client(redirects: false).From("10.0.0.9");
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            using var response = await guesser.GetAsync(new Uri($"/join/ABCD{i:0000}", UriKind.Relative));
            guesses.Add(response.StatusCode);
        }
        guesses.Take(40).ShouldAllBe(status => status == HttpStatusCode.OK);
        guesses.Skip(40).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
        using var elsewhere = _app.Client(redirects: false).From("10.0.0.10");
        (await elsewhere.GetAsync(new Uri($"/join/{code}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

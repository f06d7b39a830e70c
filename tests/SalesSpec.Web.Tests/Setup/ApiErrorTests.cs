using System.Net;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Setup;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Setup;

/// <summary>The API fails in problem+json with a trace id, never as an HTML page, and nothing it answers is cached.</summary>
public sealed class ApiErrorTests
{
    /// <summary>A validator that breaks: the way any unexpected fault inside an endpoint looks from outside.</summary>
    private sealed class BrokenValidator : AbstractValidator<AnalysisQuery>
    {
        public override Task<ValidationResult> ValidateAsync(ValidationContext<AnalysisQuery> context, CancellationToken cancellation = default) =>
            throw new InvalidOperationException("Connection string Password=secret broke");
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    [Fact]
    public async Task A_fault_inside_an_endpoint_is_a_500_problem_with_a_trace_id_and_nothing_of_the_exception()
    {
        await using var app = new AppFactory { MoreServices = services => services.AddSingleton<IValidator<AnalysisQuery>, BrokenValidator>() };
        var client = await app.SignedInAsync("consultant@demo.salesspec");

        using var response = await client.GetAsync(new Uri("/api/v1/organizations/1/timelogs.csv", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var problem = await ProblemAsync(response);
        problem.GetProperty("detail").GetString().ShouldBe(ApiErrorSetup.ServerErrorDetail);
        problem.ToString().ShouldNotContain("secret");
        problem.ToString().ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_says_so_and_an_answer_is_never_cached()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");

        using var body = new StringContent("{\"name\": \"Fabrikam\", ", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/organizations", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.GetProperty("detail").GetString()!.ShouldContain("not valid JSON");
        problem.GetProperty("detail").GetString()!.Length.ShouldBeLessThanOrEqualTo(SalesSpec.Domain.Common.Echo.MaxLength);

        using var list = await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Setup;

namespace SalesSpec.Bench;

/// <summary>
/// How long <see cref="SignInCheck.CheckAsync"/> takes for a known email with a wrong password, an unknown email
/// and a paused (locked-out) account, on SQLite, interleaved, medians of N runs. The three should be about equal:
/// a difference would tell an attacker which emails have an account.
/// </summary>
internal static class SignInBenchmark
{
    private const string Known = "known@bench.test";
    private const string Paused = "paused@bench.test";
    private const string Password = "Bench-1234!";

    public static async Task<int> RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("salesspec-signin-bench-").FullName;
        try
        {
            await using var services = await ServicesAsync(Path.Combine(folder, "bench.db"));
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var known = await CreateAsync(users, Known);
            var paused = await CreateAsync(users, Paused);
            await users.SetLockoutEndDateAsync(paused, DateTimeOffset.UtcNow.AddYears(1));

            var cases = new (string Name, string Email, ApplicationUser? Reset)[]
            {
                ("known email, wrong password", Known, known),
                ("unknown email", "nobody@bench.test", null),
                ("paused account", Paused, null),
            };
            var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
            for (var i = -3; i < runs; i++)
            {
                foreach (var (name, email, reset) in cases)
                {
                    // A fresh scope per check, as a request has; the failure count is reset so "known" never pauses.
                    await using var scope = services.CreateAsyncScope();
                    var check = scope.ServiceProvider.GetRequiredService<SignInCheck>();
                    var watch = Stopwatch.StartNew();
                    var outcome = await check.CheckAsync(email, "Wrong-password-1!");
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    if (outcome.Succeeded || outcome.IsRateLimited)
                    {
                        throw new InvalidOperationException($"{name}: expected a refusal.");
                    }
                    if (reset is not null)
                    {
                        await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().ResetAccessFailedCountAsync(
                            (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(reset.Id))!);
                    }
                    if (i >= 0)
                    {
                        times[name].Add(elapsed);
                    }
                }
            }
            Console.WriteLine($"SignInCheck.CheckAsync on SQLite, median of {runs} runs each:");
            var medians = times.ToDictionary(t => t.Key, t => Median(t.Value));
            foreach (var (name, median) in medians)
            {
                Console.WriteLine($"  {name,-28} {median,8:F1} ms");
            }
            Console.WriteLine($"  max/min ratio                {medians.Values.Max() / medians.Values.Min(),8:F2}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ApplicationUser> CreateAsync(UserManager<ApplicationUser> users, string email)
    {
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email };
        var result = await users.CreateAsync(user, Password);
        return result.Succeeded ? user : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static async Task<ServiceProvider> ServicesAsync(string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SalesSpec"] = $"Data Source={file}",
            ["Demo:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section))
            .AddSalesSpecDatabase(configuration, new HostingEnvironment { ContentRootPath = Path.GetDirectoryName(file)! })
            .AddSalesSpecIdentityStores()
            // The per-account limit would stop the benchmark's repeated attempts; it is not what is measured.
            .AddSingleton(new SignInLimiter(int.MaxValue / 2))
            .AddScoped<SignInCheck>();
        services.AddAuthentication();
        services.AddHttpContextAccessor();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return provider;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

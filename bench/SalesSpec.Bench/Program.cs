using System.Globalization;
using SalesSpec.Bench;

// Usage:
//   dotnet run -c Release --project bench/SalesSpec.Bench -- db  [--reps 2000] [--weeks 52] [--activities 10] [--runs 7] [--reuse]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- cli [--reps 2000] [--weeks 52] [--activities 10] [--runs 3]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- import [--reps 2000] [--weeks 52] [--activities 10] [--runs 3]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- scenario [--reps 1000] [--runs 7]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- xlsx [--runs 3]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- signin [--runs 51]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- csv FILE [--reps N] [--weeks N] [--activities N]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- workshop [--participants 200] [--seconds 20] [--pool 40 (0: Npgsql's default)]
//   dotnet run -c Release --project bench/SalesSpec.Bench -- circuits [--counts 100,500,1000] [--active 20] [--browsers 20] [--active-seconds 60] [--proxy] [--hold SECONDS] [--page dashboard|team-week]
// The db benchmark uses SALESSPEC_BENCH_POSTGRES (an admin connection string), default 127.0.0.1:55432.
var command = args.FirstOrDefault() ?? "";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
string Text(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
var data = new SyntheticOrganization(Option("--reps", 2000), Option("--weeks", 52), Option("--activities", 10));
switch (command)
{
    case "db":
        return await DatabaseBenchmark.RunAsync(Postgres(), data, Option("--runs", 7), args.Contains("--reuse"));
    case "import":
        return await ImportBenchmark.RunAsync(Postgres(), data, Option("--runs", 3));
    case "import-once" when args.Length > 1:
        return await ImportBenchmark.ImportOnceAsync(Postgres(), args[1]);
    case "cli":
        return CliBenchmark.Run(data, Option("--runs", 3));
    case "analyzer":
        return AnalyzerBenchmark.Run(Option("--reps", 10_000), Option("--weeks", 52), Option("--runs", 7));
    case "scenario":
        return ScenarioBenchmark.Run(Option("--reps", 1000), Option("--runs", 7));
    case "signin":
        return await SignInBenchmark.RunAsync(Option("--runs", 51));
    case "xlsx":
        return XlsxBenchmark.Run(Option("--runs", 3));
    case "xlsx-once" when args.Length > 1:
        return await XlsxBenchmark.WriteOnceAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    case "circuits":
        return await SalesSpec.Bench.Scaling.CircuitBenchmark.RunAsync(Postgres(),
            Text("--counts", "100,500,1000").Split(',').Select(count => int.Parse(count, CultureInfo.InvariantCulture)).ToList(),
            Option("--active", 20), Option("--browsers", 20), Option("--active-seconds", 60), args.Contains("--proxy"), Option("--hold", 0), Text("--page", "dashboard"));
    case "workshop":
        return await SalesSpec.Bench.Scaling.WorkshopBenchmark.RunAsync(Postgres(), Option("--participants", 200), Option("--seconds", 20), Option("--pool", 40));
    case "csv" when args.Length > 1:
        await using (var writer = new StreamWriter(args[1]))
        {
            data.WriteCsv(writer);
        }
        return 0;
    default:
        Console.Error.WriteLine("Usage: SalesSpec.Bench db|import|cli|analyzer|scenario|xlsx|signin|circuits|workshop|csv FILE [--reps N] [--weeks N] [--activities N] [--runs N]");
        return 2;
}

static string Postgres() =>
    Environment.GetEnvironmentVariable("SALESSPEC_BENCH_POSTGRES") is { Length: > 0 } value
        ? value
        : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

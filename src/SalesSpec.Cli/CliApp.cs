using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SalesSpec.Cli;

/// <summary>The command line of formats.md §4. Exit codes: 0 success, 2 bad input or bad options.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int BadInput = 2;

    private const string SeeHelp = "Run 'salesspec analyze --help' for the options.";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var analyze = new AnalyzeCommand();
        var help = new HelpOption("--help", "-h");
        help.Action = new AnalyzeHelpAction((SynchronousCommandLineAction)help.Action!);
        // A plain command as the root, not a RootCommand: no --version and no [directives], as before.
        var root = new Command("salesspec", "SalesSpec on the command line: the workload analysis of a time-log CSV.")
        {
            analyze,
            help,
        };
        // Tokens the root does not know are an unknown command (its action), and System.CommandLine then leaves
        // the tokens analyze does not know to us: they are reported in its own words (AnalyzeCommand.Unexpected).
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(parse =>
        {
            var tokens = parse.UnmatchedTokens;
            error.WriteLine(tokens.Count == 0 ? "Missing command." : $"Unknown command '{tokens[0]}'.");
            root.Parse(["analyze", "--help"]).Invoke(new InvocationConfiguration { Output = error });
            return BadInput;
        });

        // No response files: '@name.csv' is a file name, as before.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is not AnalyzeHelpAction)
        {
            // System.CommandLine's own error action exits with 1; formats.md §4 promises 2 for any bad input.
            var problems = parse.Errors.Select(e => e.Message)
                .Concat(parse.CommandResult.Command == analyze ? parse.UnmatchedTokens.Select(AnalyzeCommand.Unexpected) : [])
                .ToList();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    error.WriteLine(problem);
                }
                error.WriteLine(SeeHelp);
                return BadInput;
            }
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}

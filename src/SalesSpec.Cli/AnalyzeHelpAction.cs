using System.CommandLine;
using System.CommandLine.Invocation;

namespace SalesSpec.Cli;

/// <summary>
/// Help is the help of <c>analyze</c>, the one command, followed by its usage examples: <c>salesspec --help</c>
/// and <c>salesspec analyze --help</c> print the same text.
/// </summary>
internal sealed class AnalyzeHelpAction(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.CommandResult.Command is not AnalyzeCommand)
        {
            return parseResult.RootCommandResult.Command.Parse(["analyze", "--help"]).Invoke(parseResult.InvocationConfiguration);
        }
        var exit = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Examples:");
        foreach (var example in AnalyzeCommand.Examples)
        {
            output.WriteLine($"  {example}");
        }
        output.WriteLine();
        return exit;
    }
}

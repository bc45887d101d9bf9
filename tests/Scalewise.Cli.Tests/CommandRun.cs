using System.CommandLine;
using Scalewise.Tests;

namespace Scalewise.Cli.Tests;

/// <summary>Runs one <c>scalewise</c> command in-process and captures what it prints.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandRun> InvokeAsync(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { command };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A file in tests/contracts/azure/examples.</summary>
    public static string RestExample(string relativePath) => RepositoryFiles.RestExample(relativePath);
}

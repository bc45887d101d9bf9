using System.CommandLine;

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

    /// <summary>A file in shared/azure-rest-examples, found by walking up from the test binaries.</summary>
    public static string RestExample(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "azure-rest-examples", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No directory above {AppContext.BaseDirectory} holds shared/azure-rest-examples/{relativePath}.");
    }
}

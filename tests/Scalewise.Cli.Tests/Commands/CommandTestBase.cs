using System.CommandLine;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Commands;

/// <summary>
/// A command tried end to end in a folder of its own: traces written there, the command invoked with a plain console whose
/// text the test reads back (<see cref="output"/>), the folder removed afterwards.
/// </summary>
public abstract class CommandTestBase(string prefix) : IDisposable
{
#pragma warning disable CA1051, SA1401, IDE1006 // The tests read these as the fields they were before the base class.
    protected readonly DirectoryInfo work = Directory.CreateTempSubdirectory(prefix);
    protected readonly StringWriter output = new();
#pragma warning restore CA1051, SA1401, IDE1006

    public void Dispose()
    {
        output.Dispose();
        work.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The command under test, writing to <paramref name="console"/>.</summary>
    protected abstract Command Create(IAnsiConsole console);

    protected string WriteTrace(string csv)
    {
        var path = Path.Combine(work.FullName, "trace.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    protected Task<int> InvokeAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        return Create(console).Parse(args).InvokeAsync();
    }
}

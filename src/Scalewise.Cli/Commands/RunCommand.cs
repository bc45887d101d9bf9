using Scalewise.Cli.Local;
using Scalewise.Cli.Scenarios;

namespace Scalewise.Cli.Commands;

/// <summary><c>scalewise run</c>: the whole system locally, replaying a scenario.</summary>
public static class RunCommand
{
    /// <summary>The command; <paramref name="execute"/> replaces the local run (tests read the parsed options through it).</summary>
    public static Command Create(Func<RunOptions, CancellationToken, Task<int>>? execute = null)
    {
        execute ??= (options, cancellationToken) => new LocalRun(options, AnsiConsole.Console).ExecuteAsync(cancellationToken);
        var scenario = new Option<string>("--scenario") { Description = $"The scenario to replay ({string.Join(", ", RunScenarios.Names)}).", DefaultValueFactory = _ => RunScenarios.Default };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write a JSON summary of decisions and procedures to this file." };
        var speed = new Option<double>("--speed") { Description = "How many times faster than real time the load is replayed.", DefaultValueFactory = _ => 15 };
        var port = new Option<int>("--port") { Description = "Port of the local HTTP API on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var storage = new Option<string?>("--storage") { Description = "A Table Storage connection string to use instead of starting Azurite." };
        var command = new Command("run", "Run Scalewise locally: Azurite, the estate simulator and the in-process Durable host.") { scenario, summary, speed, port, storage };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new RunOptions(result.GetValue(scenario)!, result.GetValue(summary), result.GetValue(speed), result.GetValue(port), result.GetValue(storage));
            if (options.Speed is < 1 or > 120)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--speed must be between 1 and 120; got {options.Speed}.[/]");
                return Task.FromResult(2);
            }

            return execute(options, cancellationToken);
        });
        return command;
    }
}

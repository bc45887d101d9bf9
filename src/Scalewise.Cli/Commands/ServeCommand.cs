using Scalewise.Cli.Local;

namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise serve</c>: the whole system on one machine with a demo fleet, the timers on a compressed clock, and the HTTP
/// API and dashboard on 127.0.0.1; prints the dashboard's URL on a line starting <c>Dashboard: </c> and runs until Ctrl+C
/// (or for <c>--for</c>).
/// </summary>
public static class ServeCommand
{
    /// <summary>The port the dashboard is on unless <c>--port</c> says otherwise (documented in the README).</summary>
    public const int DefaultPort = 7480;

    public static Command Create()
    {
        var speed = new Option<double>("--speed") { Description = "How many times faster than real time the simulated clock, the timers and the procedures' waits run.", DefaultValueFactory = _ => 60 };
        var port = new Option<int>("--port") { Description = $"Port of the HTTP API and dashboard on 127.0.0.1 (0 picks a free one; default {DefaultPort}).", DefaultValueFactory = _ => DefaultPort };
        var duration = new Option<string?>("--for") { Description = "Stop after this long (30s, 5m, 1h or hh:mm:ss) instead of at Ctrl+C." };
        var storage = new Option<string?>("--storage") { Description = "A Table Storage connection string to use instead of starting Azurite." };
        var command = new Command("serve", "Run Scalewise locally with a demo fleet and open its dashboard: Azurite, the estate simulator, the Durable host, the timers, the HTTP API.") { speed, port, duration, storage };
        command.SetAction((result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var speedValue = result.GetValue(speed);
            if (speedValue is < 1 or > 600)
            {
                error.WriteLine($"--speed must be from 1 to 600; got {speedValue.ToString(CultureInfo.InvariantCulture)}.");
                return Task.FromResult(2);
            }

            var portValue = result.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                error.WriteLine($"--port must be from 0 to 65535; got {portValue.ToString(CultureInfo.InvariantCulture)}.");
                return Task.FromResult(2);
            }

            TimeSpan? runFor = null;
            if (result.GetValue(duration) is { } forText)
            {
                if (!EstateCommand.TryParseDuration(forText, out var parsed))
                {
                    error.WriteLine($"--for must be a positive duration such as 30s, 5m, 1h or 00:10:00; got '{forText}'.");
                    return Task.FromResult(2);
                }

                runFor = parsed;
            }

            return ServeAsync(new ServeOptions(speedValue, portValue, runFor, result.GetValue(storage)), result.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ServeAsync(ServeOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Scalewise serve: a demo fleet on a clock {options.Speed.ToString("0.#", CultureInfo.InvariantCulture)}x faster than real time. Starting Azurite, the estate simulator and the Durable host...").ConfigureAwait(false);
        await using var run = await ServeRun.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(ServeRun.DashboardPrefix + run.DashboardUri).ConfigureAwait(false);
        await output.WriteLineAsync($"HTTP API: {new Uri(run.BaseUri, "/api/targets")}").ConfigureAwait(false);
        foreach (var policy in run.Policies)
        {
            await output.WriteLineAsync($"target: {policy.Id} ({policy.Target.Kind}) {policy.Target.ResourceId}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(options.RunFor is { } d ? $"Stopping after {d}." : "Press Ctrl+C to stop.").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.RunFor is { } runFor)
        {
            stop.CancelAfter(runFor);
        }

        try
        {
            await run.RunTimersAsync(
                decision => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{decision.DecidedAt:HH:mm} {decision.PolicyId}: {decision.Kind}/{decision.Outcome} {decision.Reason}")),
                failure => output.WriteLine($"tick failed: {failure.Message}"),
                stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or --for: stop serving and exit normally.
        }

        return 0;
    }
}

using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise estate --port &lt;p&gt;</c>: the estate simulator alone, over HTTPS on 127.0.0.1, with the demo estate
/// (<see cref="DemoEstate"/>), for trying any Azure tooling against it. Prints each resource id on a line starting
/// <c>resource: </c>, accepts any bearer token, and runs until Ctrl+C (or for <c>--for</c>).
/// </summary>
public static class EstateCommand
{
    public const string ResourcePrefix = "resource: ";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve HTTPS on (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var duration = new Option<string?>("--for") { Description = "Stop after this long (30s, 5m, 1h or hh:mm:ss) instead of at Ctrl+C." };
        var certificate = new Option<FileInfo?>("--certificate") { Description = "Write the simulator's self-signed certificate (PEM) here, for clients to trust." };
        var command = new Command("estate", "Serve the estate simulator alone (ARM and Azure Monitor over HTTPS) with a demo estate.") { port, duration, certificate };
        command.SetAction((result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var forText = result.GetValue(duration);
            TimeSpan? runFor = null;
            if (forText is not null)
            {
                if (!TryParseDuration(forText, out var parsed))
                {
                    error.WriteLine($"--for must be a positive duration such as 30s, 5m, 1h or 00:10:00; got '{forText}'.");
                    return Task.FromResult(2);
                }

                runFor = parsed;
            }

            var portValue = result.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                error.WriteLine($"--port must be from 0 to 65535; got {portValue.ToString(CultureInfo.InvariantCulture)}.");
                return Task.FromResult(2);
            }

            return ServeAsync(portValue, runFor, result.GetValue(certificate), output, cancellationToken);
        });
        return command;
    }

    /// <summary>Starts the simulator with the demo estate; the caller disposes it. Used by the command and its tests.</summary>
    public static async Task<(EstateSimulator Simulator, IReadOnlyList<string> ResourceIds)> StartAsync(int port, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var options = new EstateSimulatorOptions { Port = port, TimeProvider = clock ?? TimeProvider.System };
        var simulator = await EstateSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            return (simulator, DemoEstate.Populate(simulator.Estate));
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var trimmed = text.Trim();
        var units = new Dictionary<char, TimeSpan> { ['s'] = TimeSpan.FromSeconds(1), ['m'] = TimeSpan.FromMinutes(1), ['h'] = TimeSpan.FromHours(1) };
        if (trimmed.Length > 1 && units.TryGetValue(char.ToLowerInvariant(trimmed[^1]), out var unit)
            && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
        {
            duration = unit * count;
        }
        else if (!TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration))
        {
            return false;
        }

        return duration > TimeSpan.Zero;
    }

    private static async Task<int> ServeAsync(int port, TimeSpan? runFor, FileInfo? certificateFile, TextWriter output, CancellationToken cancellationToken)
    {
        var (simulator, ids) = await StartAsync(port, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (simulator.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"endpoint: {simulator.BaseUri}").ConfigureAwait(false);
            await output.WriteLineAsync($"certificate thumbprint: {simulator.CertificateThumbprint}").ConfigureAwait(false);
            if (certificateFile is not null)
            {
                await File.WriteAllTextAsync(certificateFile.FullName, simulator.Certificate.ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"certificate: {certificateFile.FullName}").ConfigureAwait(false);
            }

            foreach (var id in ids)
            {
                await output.WriteLineAsync(ResourcePrefix + id).ConfigureAwait(false);
            }

            await output.WriteLineAsync("Any bearer token is accepted. " + (runFor is { } d ? $"Stopping after {d}." : "Press Ctrl+C to stop.")).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(runFor ?? Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving and exit normally.
            }
        }

        return 0;
    }
}

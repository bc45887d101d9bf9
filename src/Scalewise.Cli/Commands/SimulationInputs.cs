using Scalewise.Backtest;
using Scalewise.Core.Traces;

namespace Scalewise.Cli.Commands;

/// <summary>
/// What <c>simulate</c> and <c>tune</c> read: the trace, the policy and the target model's settings, each refused with a
/// message naming the file and what was wrong in it.
/// </summary>
internal sealed record SimulationInputs(WorkloadTrace Trace, ScalingPolicy Policy, TargetModelSettings? ModelSettings)
{
    /// <summary>The inputs, or the message that says which file is wrong and why.</summary>
    public static async Task<(SimulationInputs? Inputs, string? Error)> ReadAsync(FileInfo traceFile, FileInfo policyFile, FileInfo? modelFile, CancellationToken cancellationToken)
    {
        WorkloadTrace trace;
        try
        {
            using var reader = new StreamReader(traceFile.FullName);
            trace = TraceReader.Read(reader);
        }
        catch (Exception ex) when (ex is TraceFormatException or IOException or UnauthorizedAccessException)
        {
            return (null, $"{traceFile.Name}: {ex.Message}");
        }

        ScalingPolicy policy;
        try
        {
            var parsed = PolicyDocument.Parse(await File.ReadAllTextAsync(policyFile.FullName, cancellationToken).ConfigureAwait(false));
            if (parsed.Policy is null)
            {
                return (null, $"{policyFile.Name} is not a valid policy:\n" + string.Join('\n', parsed.Errors.Select(e => "  " + e)));
            }

            policy = parsed.Policy;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{policyFile.Name}: {ex.Message}");
        }

        try
        {
            var settings = modelFile is null
                ? null
                : JsonSerializer.Deserialize<TargetModelSettings>(await File.ReadAllTextAsync(modelFile.FullName, cancellationToken).ConfigureAwait(false), ScalewiseJson.Options);
            return (new SimulationInputs(trace, policy, settings), null);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, $"{modelFile?.Name ?? "model"}: {ex.Message}");
        }
    }

    /// <summary>The simulated target for <paramref name="trace"/> (derived from it unless the model file fixes the figures), or the message naming what is wrong.</summary>
    public (TargetModel? Model, string? Error) Model(WorkloadTrace trace, FileInfo? modelFile)
    {
        try
        {
            return (TargetModel.Derive(trace, ModelSettings), null);
        }
        catch (ArgumentException ex)
        {
            return (null, $"{modelFile?.Name ?? "model"}: {ex.Message}");
        }
    }
}

using Grpc.Core;
using Microsoft.DurableTask.Client;

namespace Scalewise.Cli.Local;

/// <summary>Shows a procedure's steps as they happen, from the orchestration's custom status.</summary>
public sealed class ProcedureWatcher(DurableTaskClient client, IAnsiConsole console, TimeProvider clock)
{
    private string? lastSeen;

    public async Task PollAsync(string instanceId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return;
        }

        var seen = $"{instance.CreatedAt:O}|{instance.RuntimeStatus}|{instance.SerializedCustomStatus}";
        if (seen == lastSeen)
        {
            return;
        }

        lastSeen = seen;
        var elapsed = (clock.GetUtcNow() - start).ToString(@"\+hh\:mm\:ss", CultureInfo.InvariantCulture);
        var (step, detail) = ReadStatus(instance.SerializedCustomStatus);
        console.MarkupLineInterpolated($"[grey]{elapsed}[/]   [aqua]{instance.InstanceId}[/] {instance.RuntimeStatus}: [bold]{step}[/] {detail}");
    }

    /// <summary>Keeps showing the procedure until it ends or <paramref name="budget"/> of real time has passed.</summary>
    public async Task WaitForEndAsync(string instanceId, DateTimeOffset start, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            while (true)
            {
                await PollAsync(instanceId, start, timeout.Token).ConfigureAwait(false);
                var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, timeout.Token).ConfigureAwait(false);
                if (instance is null || !instance.IsRunning)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(400), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsCancellation(ex) && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]The last procedure was still running when the run ended; the summary shows it as Running.[/]");
        }
    }

    /// <summary>The Durable client reports a cancelled call as <see cref="RpcException"/> (Cancelled), not always as <see cref="OperationCanceledException"/>.</summary>
    private static bool IsCancellation(Exception ex) =>
        ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled };

    private static (string Step, string Detail) ReadStatus(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return ("starting", string.Empty);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (root.ToString(), string.Empty);
        }

        var step = Get(root, "step") ?? "?";
        var detail = Get(root, "detail") ?? string.Empty;
        return (step, detail);
    }

    private static string? Get(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ToString();
            }
        }

        return null;
    }
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Scalewise.LocalSupport;

/// <summary>
/// A Durable client that counts what a tick asks of the Durable host: single-instance lookups, queries, and instances
/// scheduled (the tests of the tick's lookups and the tick benchmark).
/// </summary>
public sealed class CountingDurableClient(DurableTaskClient inner) : DurableTaskClient((inner ?? throw new ArgumentNullException(nameof(inner))).Name)
{
    private int instanceLookups;
    private int queries;
    private int scheduled;
    private int others;

    public int InstanceLookups => Volatile.Read(ref instanceLookups);

    public int Queries => Volatile.Read(ref queries);

    /// <summary>Orchestration instances scheduled (procedures started).</summary>
    public int Scheduled => Volatile.Read(ref scheduled);

    /// <summary>Every call to the Durable host: lookups, queries, schedules, events, waits, terminations, purges.</summary>
    public int Calls => InstanceLookups + Queries + Scheduled + Volatile.Read(ref others);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref scheduled);
        return inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Other(inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation));

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Other(inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation));

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Other(inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation));

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Other(inner.TerminateInstanceAsync(instanceId, options, cancellation));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Other(inner.SuspendInstanceAsync(instanceId, reason, cancellation));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Other(inner.ResumeInstanceAsync(instanceId, reason, cancellation));

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref instanceLookups);
        return inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        Interlocked.Increment(ref queries);
        return inner.GetAllInstancesAsync(filter);
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Other(inner.PurgeInstanceAsync(instanceId, options, cancellation));

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Other(inner.PurgeAllInstancesAsync(filter, options, cancellation));

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private T Other<T>(T result)
    {
        Interlocked.Increment(ref others);
        return result;
    }
}

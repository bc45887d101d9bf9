using Microsoft.DurableTask.Client;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Every pending, running or suspended procedure, by instance id, from one Durable query: what a tick and the target
/// list read instead of one lookup per target; <see cref="FindAsync"/> is the one lookup a single target needs. The launcher still checks its one target under the target's lease before
/// it starts anything, so a procedure that starts after the query is never doubled.
/// </summary>
public static class RunningProcedures
{
    /// <summary>The statuses of a procedure that holds its target: pending, running or suspended.</summary>
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private static bool IsRunning(OrchestrationRuntimeStatus status) => Array.IndexOf(Running, status) >= 0;

    /// <summary>Every running procedure by instance id; with <paramref name="withCustomStatus"/>, each with its custom status (the step it is on).</summary>
    public static async Task<IReadOnlyDictionary<string, OrchestrationMetadata>> QueryAsync(DurableTaskClient client, CancellationToken cancellationToken, bool withCustomStatus = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = ProcedureIds.ForTarget(string.Empty),
            Statuses = Running,
            FetchInputsAndOutputs = withCustomStatus,
        };
        var found = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            found[instance.InstanceId] = instance;
        }

        return found;
    }

    /// <summary>The target's procedure when one is pending, running or suspended (one lookup); null otherwise.</summary>
    public static async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string policyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(ProcedureIds.ForTarget(policyId), getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return existing is { RuntimeStatus: var status } && IsRunning(status) ? existing : null;
    }

    /// <summary>The target's procedure in <paramref name="running"/>, or null.</summary>
    public static OrchestrationMetadata? For(IReadOnlyDictionary<string, OrchestrationMetadata> running, string policyId)
    {
        ArgumentNullException.ThrowIfNull(running);
        return running.GetValueOrDefault(ProcedureIds.ForTarget(policyId));
    }
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>Starts the one <see cref="ScaleProcedure"/> a target may run, or reports the one already running.</summary>
public sealed class ProcedureLauncher(ProcedureTiming timing)
{
    public async Task<ProcedureLaunch> LaunchAsync(DurableTaskClient client, ScalingPolicy policy, ScalingDecision decision, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);

        var instanceId = ProcedureIds.ForTarget(policy.Id);
        var running = await FindRunningAsync(client, policy.Id, cancellationToken).ConfigureAwait(false);
        if (running is not null)
        {
            return new ProcedureLaunch(false, instanceId, running.CreatedAt);
        }

        var input = new ScaleProcedureInput(
            policy.Id,
            policy.Target.ResourceId,
            policy.Target.Kind,
            decision.Kind,
            decision.NewCapacity,
            decision.Reason,
            requestedBy,
            timing.ToWallClock(policy.WarmUp),
            timing.ProvisioningPollInterval,
            timing.ProvisioningTimeout);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        return new ProcedureLaunch(true, instanceId, null);
    }

    /// <summary>The target's procedure when one is pending, running or suspended; null otherwise.</summary>
    public static async Task<OrchestrationMetadata?> FindRunningAsync(DurableTaskClient client, string policyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(ProcedureIds.ForTarget(policyId), getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended }
            ? existing
            : null;
    }
}

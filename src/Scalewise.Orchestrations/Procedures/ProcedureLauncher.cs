using Microsoft.DurableTask.Client;
using Scalewise.Core.Redis;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Starts the one procedure a target may run (<see cref="ScaleProcedure"/> for capacity, <see cref="EmergencyScaleUp"/> for an
/// emergency on a scale set; <see cref="VmResizeProcedure"/>, <see cref="RedisScaleProcedure"/> or
/// <see cref="RedisEnterpriseScaleProcedure"/> for a SKU decision on a VM, an Azure Cache for Redis or an Azure Managed
/// Redis cluster), or reports the one already running.
/// </summary>
/// <remarks>
/// The check for a running procedure and the start are one step: both happen under the target's launch lease
/// (<see cref="ILaunchLeases"/>), so concurrent callers (manual requests, the tick, schedules, on any host) start one
/// procedure and the others see it running. Scheduling one instance id twice at once is what wedged orchestrations.
/// </remarks>
public sealed class ProcedureLauncher(ProcedureTiming timing, ProcedureClock clock, ILaunchLeases leases)
{
    /// <summary>Long enough to check and schedule; a holder that stops mid-way blocks its target at most this long.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    public async Task<ProcedureLaunch> LaunchAsync(DurableTaskClient client, ScalingPolicy policy, ScalingDecision decision, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);

        var instanceId = ProcedureIds.ForTarget(policy.Id);
        var lease = await leases.TryAcquireAsync(policy.Id, LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            // Another caller is starting the target's procedure right now.
            return new ProcedureLaunch(false, instanceId, null);
        }

        try
        {
            return await LaunchUnderLeaseAsync(client, policy, decision, requestedBy, instanceId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ProcedureLaunch> LaunchUnderLeaseAsync(DurableTaskClient client, ScalingPolicy policy, ScalingDecision decision, string requestedBy, string instanceId, CancellationToken cancellationToken)
    {
        var running = await RunningProcedures.FindAsync(client, policy.Id, cancellationToken).ConfigureAwait(false);
        if (running is not null)
        {
            return new ProcedureLaunch(false, instanceId, running.CreatedAt);
        }

        if (SkuLadderMoves.IsVerticalKind(policy.Target.Kind) && decision.NewSku is { } newSku)
        {
            var vertical = VerticalInputFor(policy, decision, requestedBy, newSku);
            var orchestrator = policy.Target.Kind switch
            {
                TargetKind.RedisCache => nameof(RedisScaleProcedure),
                TargetKind.RedisEnterprise => nameof(RedisEnterpriseScaleProcedure),
                _ => nameof(VmResizeProcedure),
            };
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, vertical, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
            return new ProcedureLaunch(true, instanceId, null);
        }

        if (IsEmergencyScaleUp(policy, decision))
        {
            var emergency = EmergencyInputFor(policy, decision, requestedBy);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(EmergencyScaleUp), emergency, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
            return new ProcedureLaunch(true, instanceId, null);
        }

        var input = ScaleInputFor(policy, decision, requestedBy);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        return new ProcedureLaunch(true, instanceId, null);
    }

    /// <summary>True when <paramref name="decision"/> is an emergency on a scale set, which <see cref="EmergencyScaleUp"/> answers.</summary>
    public static bool IsEmergencyScaleUp(ScalingPolicy policy, ScalingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Kind == DecisionKind.Emergency && policy.Target.Kind == TargetKind.VirtualMachineScaleSet && decision.NewSku is null;
    }

    /// <summary>
    /// The input of <see cref="EmergencyScaleUp"/>: the decision's capacity (already sized to the projected demand), no
    /// approval, provisioning polled at the shorter emergency interval, quick verification checks, and the aftermath
    /// observation before the capacity report (policy time, compressed like the warm-up).
    /// </summary>
    public EmergencyScaleUpInput EmergencyInputFor(ScalingPolicy policy, ScalingDecision decision, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        var poll = timing.EmergencyPollInterval < timing.ProvisioningPollInterval ? timing.EmergencyPollInterval : timing.ProvisioningPollInterval;
        var procedure = ScaleInputFor(policy, decision, requestedBy) with { PollInterval = poll, ApprovalTimeout = null };
        return new EmergencyScaleUpInput(
            procedure,
            decision.DecidedAt,
            Math.Max(1, timing.EmergencyVerifyChecks),
            timing.EmergencyVerifyInterval,
            clock.ToWallClock(timing.EmergencyObservationPeriod),
            clock.ToWallClock(timing.EmergencyObservationInterval));
    }

    /// <summary>The input of the <see cref="ScaleProcedure"/> for a capacity decision; it waits for approval when the policy asks and it is no emergency.</summary>
    public ScaleProcedureInput ScaleInputFor(ScalingPolicy policy, ScalingDecision decision, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        var approval = policy.Approval is { } gate && decision.Kind != DecisionKind.Emergency && gate.Requires(decision.CurrentCapacity, decision.NewCapacity)
            ? clock.ToWallClock(gate.Timeout)
            : (TimeSpan?)null;
        return new ScaleProcedureInput(
            policy.Id,
            policy.Target.ResourceId,
            policy.Target.Kind,
            decision.Kind,
            decision.NewCapacity,
            decision.Reason,
            requestedBy,
            clock.ToWallClock(policy.WarmUp),
            timing.ProvisioningPollInterval,
            timing.ProvisioningTimeout,
            approval,
            decision.RaisedMaximum);
    }

    /// <summary>
    /// The input of <see cref="VmResizeProcedure"/> or <see cref="RedisScaleProcedure"/> for a SKU decision; it waits for
    /// approval when the move is more ladder rungs than the policy's threshold and it is no emergency.
    /// </summary>
    public VerticalProcedureInput VerticalInputFor(ScalingPolicy policy, ScalingDecision decision, string requestedBy, string newSku)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        var approval = policy.Approval is { } gate && decision.Kind != DecisionKind.Emergency && SkuLadderMoves.RequiresApproval(policy, decision.CurrentSku, newSku)
            ? clock.ToWallClock(gate.Timeout)
            : (TimeSpan?)null;
        return new VerticalProcedureInput(
            policy.Id,
            policy.Target.ResourceId,
            policy.Target.Kind,
            decision.Kind,
            newSku,
            decision.Reason,
            requestedBy,
            clock.ToWallClock(policy.WarmUp),
            timing.ProvisioningPollInterval,
            timing.ProvisioningTimeout,
            approval,
            clock.ToWallClock(RedisMovePlanner.TimeBudgetPerShard));
    }
}

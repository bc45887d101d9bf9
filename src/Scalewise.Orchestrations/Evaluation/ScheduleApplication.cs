using Microsoft.DurableTask.Client;
using Scalewise.Core.Scheduling;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// One tick of the ApplySchedules timer: for every policy whose schedule changed window since the previous tick (one
/// <see cref="Period"/> ago), record a <see cref="DecisionKind.Scheduled"/> decision and start the target's procedure to the
/// new window's desired capacity (or the current one clamped into its bounds; when a window ends, into the policy's bounds
/// and at least its default). Shared by the Functions app and the local runner.
/// </summary>
public sealed partial class ScheduleApplication(
    IPolicyStore policies,
    ITargetController targets,
    IDecisionLog decisions,
    ProcedureLauncher launcher,
    TimeProvider time,
    ILogger<ScheduleApplication> logger)
{
    public const string RequestedBy = "ApplySchedules";

    /// <summary>How often the timer runs: a transition within the last period is applied once.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ScalingDecision>> ApplyAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var made = new List<ScalingDecision>();
        foreach (var stored in await policies.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.Policy.Schedule is null)
            {
                continue;
            }

            try
            {
                if (await ApplyAsync(client, stored.Policy, cancellationToken).ConfigureAwait(false) is { } decision)
                {
                    made.Add(decision);
                }
            }
#pragma warning disable CA1031 // One target's failure must not stop the others' schedules.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogScheduleFailed(logger, ex, stored.Policy.Id);
            }
        }

        return made;
    }

    /// <summary>Applies the policy's schedule when its window changed within the last <see cref="Period"/>; null otherwise.</summary>
    public async Task<ScalingDecision?> ApplyAsync(DurableTaskClient client, ScalingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        if (policy.Schedule is not { } schedule || ScheduleEvaluator.NextTransition(schedule, now - Period) is not { } transition || transition.At > now)
        {
            return null;
        }

        var target = await targets.GetAsync(policy.Target.ResourceId, cancellationToken).ConfigureAwait(false);
        var decision = Decide(policy, transition, target.Capacity, now);
        await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
        LogApplied(logger, policy.Id, decision.CurrentCapacity, decision.NewCapacity, decision.Reason);
        if (decision.RequiresAction && policy.Mode == PolicyMode.Active)
        {
            await launcher.LaunchAsync(client, policy, decision, RequestedBy, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>The scheduled decision for a transition (pure).</summary>
    public static ScalingDecision Decide(ScalingPolicy policy, ScheduleTransition transition, int currentCapacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(transition);
        var window = transition.To;
        var bounds = ScheduleBounds.For(policy, window);
        var wanted = window is null ? Math.Max(bounds.Clamp(currentCapacity), bounds.Default) : ScheduleBounds.Target(policy, window, currentCapacity);
        wanted = bounds.Clamp(wanted);
        var what = window is null
            ? $"schedule window '{transition.From?.Name}' ended, so the policy's own bounds ({bounds.Minimum} to {bounds.Maximum}, default {bounds.Default}) apply again"
            : $"schedule window '{window.Name}' began ({window.Capacity.Minimum} to {window.Capacity.Maximum}{(window.Capacity.Desired is { } d ? $", desired {d}" : string.Empty)}, until {window.EndsAt:u})";
        var direction = wanted > currentCapacity ? ScaleDirection.Increase : wanted < currentCapacity ? ScaleDirection.Decrease : ScaleDirection.None;
        var reason = direction switch
        {
            ScaleDirection.Increase => $"Scale out {currentCapacity} → {wanted}: {what}.",
            ScaleDirection.Decrease => $"Scale in {currentCapacity} → {wanted}: {what}.",
            _ => $"No change at {currentCapacity}: {what}, and capacity {currentCapacity} already fits.",
        };
        var outcome = direction == ScaleDirection.None ? DecisionOutcome.NoChange : policy.Mode == PolicyMode.Observe ? DecisionOutcome.Observed : DecisionOutcome.Scale;
        return new ScalingDecision(policy.Id, policy.Target.ResourceId, DecisionKind.Scheduled, outcome, direction, currentCapacity, wanted, reason, [], now)
        {
            Adjustments = [new DecisionAdjustment(AdjustmentKind.Schedule, what)],
        };
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Applying the schedule of policy {PolicyId} failed")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string policyId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Policy {PolicyId}: scheduled {CurrentCapacity} -> {NewCapacity}: {Reason}")]
    private static partial void LogApplied(ILogger logger, string policyId, int currentCapacity, int newCapacity, string reason);
}

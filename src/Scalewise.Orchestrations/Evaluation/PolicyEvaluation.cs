using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// One tick of the EvaluatePolicies timer: for every policy, read the target and its metrics, decide, record the
/// decision, and start a procedure when the decision says so. Shared by the Functions app and the local runner.
/// </summary>
public sealed partial class PolicyEvaluation(
    IPolicyStore policies,
    IMetricReader metrics,
    ITargetController targets,
    ITargetStateStore states,
    IDecisionLog decisions,
    ProcedureLauncher launcher,
    TimeProvider time,
    ILogger<PolicyEvaluation> logger)
{
    public const string RequestedBy = "EvaluatePolicies";

    public async Task<IReadOnlyList<ScalingDecision>> EvaluateAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var made = new List<ScalingDecision>();
        foreach (var stored in await policies.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await EvaluateAsync(client, stored.Policy, cancellationToken).ConfigureAwait(false) is { } decision)
                {
                    made.Add(decision);
                }
            }
#pragma warning disable CA1031 // One target's failure must not stop the others from being evaluated.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogEvaluationFailed(logger, ex, stored.Policy.Id);
            }
        }

        return made;
    }

    /// <summary>Evaluates one policy; null when it was skipped (a procedure runs, or the target is busy).</summary>
    public async Task<ScalingDecision?> EvaluateAsync(DurableTaskClient client, ScalingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (await ProcedureLauncher.FindRunningAsync(client, policy.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogSkippedRunning(logger, policy.Id);
            return null;
        }

        var target = await targets.GetAsync(policy.Target.ResourceId, cancellationToken).ConfigureAwait(false);
        if (!target.IsProvisioningTerminal)
        {
            LogSkippedBusy(logger, policy.Id, target.ProvisioningState);
            return null;
        }

        var now = time.GetUtcNow();
        var requests = policy.Rules.Select(r => r.Trigger.ToRequest(policy.Target.ResourceId)).Distinct().ToList();
        var windows = requests.Count == 0 ? [] : await metrics.ReadAsync(requests, now, cancellationToken).ConfigureAwait(false);
        var state = await states.GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
        var decision = ScalingEngine.Decide(policy, windows, state.State, target.Capacity, now);

        if (decision.Outcome != DecisionOutcome.NoChange)
        {
            await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
            LogDecision(logger, policy.Id, decision.Outcome, decision.CurrentCapacity, decision.NewCapacity, decision.Reason);
        }

        if (decision.RequiresAction && policy.Mode == PolicyMode.Active)
        {
            await launcher.LaunchAsync(client, policy, decision, RequestedBy, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Evaluating policy {PolicyId} failed")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string policyId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Policy {PolicyId} skipped: its procedure is running")]
    private static partial void LogSkippedRunning(ILogger logger, string policyId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Policy {PolicyId} skipped: the target is {ProvisioningState}")]
    private static partial void LogSkippedBusy(ILogger logger, string policyId, string provisioningState);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Policy {PolicyId}: {Outcome} {CurrentCapacity} -> {NewCapacity}: {Reason}")]
    private static partial void LogDecision(ILogger logger, string policyId, DecisionOutcome outcome, int currentCapacity, int newCapacity, string reason);
}

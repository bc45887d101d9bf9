using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Metrics;
using Scalewise.Core.Pricing;
using Scalewise.Orchestrations.Telemetry;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// One tick of the EvaluatePolicies timer: for every policy, read the target and its metrics, decide, record the
/// decision, and start a procedure when the decision says so. Shared by the Functions app and the local runner.
/// </summary>
public sealed partial class PolicyEvaluation(
    IPolicyStore policies,
    IMetricReader metrics,
    TargetReader targets,
    TickReader tickReader,
    ITargetStateStore states,
    IDecisionLog decisions,
    IForecastStore forecasts,
    IProcedureHistory history,
    ProcedureLauncher launcher,
    PriceTable prices,
    WarningNotifications warnings,
    INotifier notifier,
    TimeProvider time,
    ILogger<PolicyEvaluation> logger)
{
    public const string RequestedBy = "EvaluatePolicies";

    public async Task<IReadOnlyList<ScalingDecision>> EvaluateAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var stored = await policies.ListAsync(cancellationToken).ConfigureAwait(false);
        var running = await RunningProcedures.QueryAsync(client, cancellationToken).ConfigureAwait(false);
        return await EvaluateManyAsync(client, [.. stored.Select(s => s.Policy)], running, emergenciesOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The short emergency tick: evaluates every policy that can have an emergency and acts only on emergencies (the
    /// minute tick records everything else).
    /// </summary>
    public async Task<IReadOnlyList<ScalingDecision>> CheckEmergenciesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var candidates = (await policies.ListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Policy).Where(TimerJobs.MayHaveEmergency).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var running = await RunningProcedures.QueryAsync(client, cancellationToken).ConfigureAwait(false);
        return await EvaluateManyAsync(client, candidates, running, emergenciesOnly: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many policies one tick decides, records and launches at a time once their reads are in (each waits on its own writes).</summary>
    public const int MaxConcurrentPolicies = 16;

    /// <summary>
    /// Reads for every policy at once (<see cref="TickReader"/>: target lists, one batched metric read, range queries), then decides,
    /// records and launches up to <see cref="MaxConcurrentPolicies"/> policies at a time; decisions come back in policy order, and one
    /// policy's failure is logged and does not stop the others.
    /// </summary>
    private async Task<IReadOnlyList<ScalingDecision>> EvaluateManyAsync(DurableTaskClient client, List<ScalingPolicy> list, IReadOnlyDictionary<string, OrchestrationMetadata> running, bool emergenciesOnly, CancellationToken cancellationToken)
    {
        var evaluated = list.Where(p => RunningProcedures.For(running, p.Id) is null || TimerJobs.MayHaveEmergency(p)).ToList();
        var reads = await tickReader.ReadAsync(evaluated, p => RunningProcedures.For(running, p.Id) is not null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var made = new ScalingDecision?[list.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPolicies, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), options, async (i, token) =>
        {
            var policy = list[i];
            try
            {
                made[i] = await EvaluateKnownAsync(client, policy, RunningProcedures.For(running, policy.Id), emergenciesOnly, reads, token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One target's failure must not stop the others from being evaluated.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogEvaluationFailed(logger, ex, policy.Id);
            }
        }).ConfigureAwait(false);
        return [.. made.OfType<ScalingDecision>()];
    }

    /// <summary>
    /// Evaluates one policy; null when it was skipped (the target is busy, or a procedure runs and this is no emergency).
    /// Emergencies are checked first, even while a procedure runs: an emergency supersedes a running normal procedure.
    /// </summary>
    public async Task<ScalingDecision?> EvaluateAsync(DurableTaskClient client, ScalingPolicy policy, CancellationToken cancellationToken, bool emergenciesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var running = await RunningProcedures.FindAsync(client, policy.Id, cancellationToken).ConfigureAwait(false);
        return await EvaluateKnownAsync(client, policy, running, emergenciesOnly, reads: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates one policy whose running procedure (or none) the caller already knows: the tick asks once for all. What the tick
    /// read in batches (<paramref name="reads"/>) is used; anything it has not is read for this policy alone.
    /// </summary>
    private async Task<ScalingDecision?> EvaluateKnownAsync(DurableTaskClient client, ScalingPolicy policy, OrchestrationMetadata? running, bool emergenciesOnly, TickReads? reads, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartEvaluation(policy);
        if (running is not null && !TimerJobs.MayHaveEmergency(policy))
        {
            LogSkippedRunning(logger, policy.Id);
            return null;
        }

        var target = reads?.Target(policy) ?? await targets.ReadAsync(policy.Target, cancellationToken).ConfigureAwait(false);
        if (running is null && !target.IsProvisioningTerminal)
        {
            LogSkippedBusy(logger, policy.Id, target.ProvisioningState);
            return null;
        }

        var now = reads?.Now ?? time.GetUtcNow();
        var windows = reads?.Windows(policy) is { } batched ? Batched(policy, batched, reads.MetricsElapsed) : await ReadMetricsAsync(policy, PolicyMetrics.Requests(policy), now, cancellationToken).ConfigureAwait(false);
        var state = reads?.State(policy) ?? await states.GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
        var forecast = policy.Predictive is null ? null : reads is { HasForecasts: true } ? reads.Forecast(policy) : await forecasts.GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
        var decision = ScalingTick.Decide(policy, windows, TargetReader.StateFor(policy, state.State, target), target.Capacity, now, forecast, prices);
        ScalewiseTelemetry.Decided(span, policy, decision);

        if (emergenciesOnly && decision.Kind != DecisionKind.Emergency)
        {
            return null;
        }

        if (running is not null)
        {
            if (decision.Kind != DecisionKind.Emergency || !decision.RequiresAction || running.Name != nameof(ScaleProcedure) || policy.Mode != PolicyMode.Active)
            {
                LogSkippedRunning(logger, policy.Id);
                return null;
            }

            if (await IsEmergencyProcedureAsync(client, policy.Id, running.InstanceId, cancellationToken).ConfigureAwait(false))
            {
                LogSkippedRunning(logger, policy.Id);
                return null;
            }

            await SupersedeAsync(client, policy, running, decision, cancellationToken).ConfigureAwait(false);
        }

        await RememberAsync(policy, state, decision, now, cancellationToken).ConfigureAwait(false);
        if (decision.IsWorthRecording)
        {
            await warnings.NotifyIfNewAsync(decision, cancellationToken).ConfigureAwait(false);
            await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
            LogDecision(logger, policy.Id, decision.Outcome, decision.CurrentCapacity, decision.NewCapacity, decision.Reason);
        }

        if ((decision.RequiresAction || decision.RequiresSkuChange) && policy.Mode == PolicyMode.Active)
        {
            await launcher.LaunchAsync(client, policy, decision, RequestedBy, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>The policy's windows from the tick's batched read, counted for <c>scalewise.metric_read.*</c> with the batch's duration.</summary>
    private static IReadOnlyList<MetricWindow> Batched(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TimeSpan elapsed)
    {
        if (windows.Count > 0)
        {
            ScalewiseTelemetry.MetricsRead(policy, elapsed, windows.All(w => w.Points.Count > 0) ? MetricReadResult.Data : MetricReadResult.Empty);
        }

        return windows;
    }

    /// <summary>The policy's metric windows, timed and counted for <c>scalewise.metric_read.*</c>.</summary>
    private async Task<IReadOnlyList<MetricWindow>> ReadMetricsAsync(ScalingPolicy policy, IReadOnlyList<MetricRequest> requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var windows = await metrics.ReadAsync(requests, now, cancellationToken).ConfigureAwait(false);
            ScalewiseTelemetry.MetricsRead(policy, Stopwatch.GetElapsedTime(started), windows.All(w => w.Points.Count > 0) ? MetricReadResult.Data : MetricReadResult.Empty);
            return windows;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            ScalewiseTelemetry.MetricsRead(policy, Stopwatch.GetElapsedTime(started), MetricReadResult.Error);
            throw;
        }
    }

    /// <summary>
    /// Keeps what the next tick's decision needs from this one: the recommendation, while the policy stabilizes scale-in over
    /// a window (older ones dropped), and how many ticks in a row had no metrics (the fallback counts them). Written only when
    /// it changes; an ETag conflict (a procedure recording its scale time) is retried on the fresh state.
    /// </summary>
    private async Task RememberAsync(ScalingPolicy policy, StoredTargetState stored, ScalingDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = policy.ScaleInStabilization ?? TimeSpan.Zero;
        var failures = decision.Outcome == DecisionOutcome.NoData ? stored.State.ConsecutiveMetricFailures + 1 : 0;
        var remember = window > TimeSpan.Zero && decision.RecommendedCapacity is not null;
        for (var attempt = 1; remember || failures != stored.State.ConsecutiveMetricFailures; attempt++)
        {
            List<CapacityRecommendation> recent = [.. stored.State.RecentRecommendations.Where(r => r.At > now - window && r.At < now)];
            if (remember)
            {
                recent.Add(new CapacityRecommendation(now, decision.RecommendedCapacity!.Value));
            }

            try
            {
                await states.SaveAsync(stored.State with { RecentRecommendations = recent, ConsecutiveMetricFailures = failures }, stored.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < StateWriteAttempts)
            {
                stored = await states.GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private const int StateWriteAttempts = 3;

    /// <summary>
    /// Whether the running procedure answers an emergency: its input says so from the moment it is scheduled (a short check
    /// sees the same emergency again before a Pending procedure has written its history), else its history record.
    /// </summary>
    private async Task<bool> IsEmergencyProcedureAsync(DurableTaskClient client, string policyId, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance?.ReadInputAs<ScaleProcedureInput>() is { Kind: DecisionKind.Emergency })
        {
            return true;
        }

        var recent = await history.ListAsync(policyId, 5, cancellationToken).ConfigureAwait(false);
        return recent.FirstOrDefault(r => r.InstanceId == instanceId && r.Outcome is null) is { Kind: DecisionKind.Emergency };
    }

    /// <summary>Ends the running normal procedure and records it as superseded, with the emergency's reason, before the emergency starts.</summary>
    private async Task SupersedeAsync(DurableTaskClient client, ScalingPolicy policy, OrchestrationMetadata running, ScalingDecision emergency, CancellationToken cancellationToken)
    {
        var why = $"superseded by an emergency: {emergency.Reason}";
        await client.TerminateInstanceAsync(running.InstanceId, why, cancellationToken).ConfigureAwait(false);

        // Bounded: a terminated instance stops at its next replay; the new procedure reuses the instance id only after that.
        OrchestrationMetadata? stopped = null;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(SupersedeWait);
            try
            {
                stopped = await client.WaitForInstanceCompletionAsync(running.InstanceId, getInputsAndOutputs: false, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still stopping: the launch below reports the running instance rather than starting a second one.
            }
        }

        var recent = await history.ListAsync(policy.Id, 5, cancellationToken).ConfigureAwait(false);
        if (recent.FirstOrDefault(r => r.InstanceId == running.InstanceId && r.Outcome is null) is { } record)
        {
            // When it stopped by the orchestration's own clock (the one its start was recorded by), so that it ends before
            // the emergency procedure starts in every host; the tick's clock only when it has not stopped yet.
            var at = stopped is { IsRunning: false } ? stopped.LastUpdatedAt : time.GetUtcNow();
            var ended = record with
            {
                EndedAt = at,
                Outcome = ProcedureOutcome.Superseded,
                Error = why,
                Steps = [.. record.Steps, new ProcedureStep("superseded", at, at, why)],
            };
            await history.SaveAsync(ended, cancellationToken).ConfigureAwait(false);
            ScalewiseTelemetry.ProcedureRecorded(ended);
            await NotifySupersededAsync(ended, cancellationToken).ConfigureAwait(false);
        }

        LogSuperseded(logger, policy.Id, running.InstanceId, emergency.Reason);
    }

    /// <summary>People hear of a superseded procedure as of any other that ended (its orchestration, terminated, cannot tell them); a failed notification is logged, never thrown.</summary>
    private async Task NotifySupersededAsync(ProcedureRecord ended, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyAsync(new ProcedureNotification(ended, PortalLinks.ForResource(ended.TargetResourceId)), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // As in SendNotification: a failed notification never stops the emergency.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSupersededNotificationFailed(logger, ex, ended.InstanceId);
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "The notification of superseded procedure {InstanceId} failed")]
    private static partial void LogSupersededNotificationFailed(ILogger logger, Exception exception, string instanceId);

    /// <summary>How long the tick waits for a superseded procedure to stop before starting the emergency one.</summary>
    private static readonly TimeSpan SupersedeWait = TimeSpan.FromSeconds(10);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Evaluating policy {PolicyId} failed")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string policyId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Policy {PolicyId} skipped: its procedure is running")]
    private static partial void LogSkippedRunning(ILogger logger, string policyId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Policy {PolicyId} skipped: the target is {ProvisioningState}")]
    private static partial void LogSkippedBusy(ILogger logger, string policyId, string provisioningState);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Policy {PolicyId}: {Outcome} {CurrentCapacity} -> {NewCapacity}: {Reason}")]
    private static partial void LogDecision(ILogger logger, string policyId, DecisionOutcome outcome, int currentCapacity, int newCapacity, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Policy {PolicyId}: procedure {InstanceId} superseded by an emergency: {Reason}")]
    private static partial void LogSuperseded(ILogger logger, string policyId, string instanceId, string reason);
}

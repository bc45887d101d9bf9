using Microsoft.DurableTask;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Changes a target's capacity: guard → snapshot → apply → wait for provisioning → warm-up → verify → notify →
/// record, rolling back to the snapshot's capacity when provisioning or verification fails.
/// </summary>
public static class ScaleProcedure
{
    /// <summary>ARM calls: transient failures and throttling are retried with backoff.</summary>
    /// <summary>ARM calls: server faults are retried with backoff; a request ARM rejected outright is not.</summary>
    internal static readonly TaskOptions ArmRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => !failure.IsCausedBy<TargetRequestRejectedException>(),
    });

    /// <summary>How many times a change ARM deferred (429, 409) is asked for again before the procedure gives up.</summary>
    internal const int ApplyAttempts = 6;

    /// <summary>Table Storage writes: retried so that history is not lost to a transient failure.</summary>
    internal static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2));

    public static async Task<ScaleProcedureResult> RunAsync(TaskOrchestrationContext context, ScaleProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = new ProcedureJournal(context, input);
        var target = input.TargetResourceId;

        var guard = await journal.RunStepAsync(
            Guard,
            () => context.CallActivityAsync<GuardOutcome>(nameof(ProcedureActivities.GuardProcedure), new GuardInput(input.PolicyId, target, input.Kind, input.ToCapacity), ArmRetry),
            g => g.Allowed ? $"allowed: {g.Reason}" : $"refused: {g.Reason}");
        journal.FromCapacity = guard.CurrentCapacity;
        if (!guard.Allowed)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, guard.CurrentCapacity, $"Not started: {guard.Reason}.");
        }

        if (input.ApprovalTimeout is { } approvalTimeout)
        {
            var answer = await journal.RunStepAsync(
                Approval,
                () => WaitForApprovalAsync(context, journal, input, approvalTimeout),
                a => a is null ? $"no answer within {approvalTimeout.TotalMinutes:0.#} min" : $"{(a.Approved ? "approved" : "rejected")} by {a.By}{(a.Comment is null ? string.Empty : $": {a.Comment}")}");
            if (answer is null)
            {
                return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, guard.CurrentCapacity, $"Cancelled: nobody approved capacity {input.ToCapacity} within {approvalTimeout.TotalMinutes:0.#} min.");
            }

            if (!answer.Approved)
            {
                return await FinishAsync(context, journal, ProcedureOutcome.Rejected, guard.CurrentCapacity, $"Rejected by {answer.By}{(answer.Comment is null ? string.Empty : $": {answer.Comment}")}.");
            }
        }

        var before = await journal.RunStepAsync(
            Snapshot,
            () => context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.SnapshotTarget), target, ArmRetry),
            s => $"recorded capacity {s.Capacity} ({s.ProvisioningState})");
        journal.FromCapacity = before.Capacity;

        ApplyOutcome applied;
        try
        {
            applied = await journal.RunStepAsync(Apply, () => ApplyAsync(context, journal, new CapacityChange(target, input.ToCapacity)), a => a.Accepted ? a.Detail : $"gave up after {ApplyAttempts} attempts: {a.Detail}");
        }
        catch (TaskFailedException ex)
        {
            // Nothing changed on the target: there is nothing to roll back.
            var error = $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, before.Capacity, $"Failed: {error}.", error);
        }

        if (!applied.Accepted)
        {
            var error = $"ARM did not accept the change: {applied.Detail}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, before.Capacity, $"Failed: {error}.", error);
        }

        string failure;
        try
        {
            var provisioned = await journal.RunStepAsync(WaitForProvisioning, () => WaitForProvisioningAsync(context, input), DescribeProvisioning);
            if (IsSucceeded(provisioned))
            {
                await journal.RunStepAsync(WarmUp, () => context.CreateTimer(input.WarmUp, CancellationToken.None), $"waited {input.WarmUp.TotalSeconds:0} s for new capacity to warm up");
                var verification = await journal.RunStepAsync(Verify, () => context.CallActivityAsync<VerificationResult>(nameof(ProcedureActivities.VerifyTarget), new CapacityChange(target, input.ToCapacity), ArmRetry), v => v.Passed ? $"passed: {v.Detail}" : $"failed: {v.Detail}");
                if (verification.Passed)
                {
                    await RecordScaleTimeAsync(context, input, before.Capacity, input.ToCapacity);
                    return await FinishAsync(context, journal, ProcedureOutcome.Succeeded, input.ToCapacity, $"Capacity {before.Capacity} → {input.ToCapacity}: verified ({verification.Detail}).");
                }

                failure = $"verification failed: {verification.Detail}";
            }
            else
            {
                failure = $"provisioning did not succeed: {DescribeProvisioning(provisioned)}";
            }
        }
        catch (TaskFailedException ex)
        {
            failure = $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";
        }

        return await RollBackAsync(context, journal, input, before.Capacity, failure);
    }

    private static async Task<ScaleProcedureResult> RollBackAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input, int previousCapacity, string failure)
    {
        try
        {
            var reverted = await journal.RunStepAsync(Rollback, () => ApplyAsync(context, journal, new CapacityChange(input.TargetResourceId, previousCapacity)), a => a.Accepted ? $"capacity {previousCapacity} requested again" : $"gave up: {a.Detail}");
            if (!reverted.Accepted)
            {
                var error = $"{failure}; rollback was not accepted: {reverted.Detail}";
                return await FinishAsync(context, journal, ProcedureOutcome.Failed, input.ToCapacity, $"Failed: {error}.", error);
            }

            var restored = await journal.RunStepAsync(WaitForProvisioning, () => WaitForProvisioningAsync(context, input), DescribeProvisioning);

            // The cooldown clock starts on a rolled-back attempt too, so a failing change is not retried every tick.
            await RecordScaleTimeAsync(context, input, previousCapacity, input.ToCapacity);
            if (IsSucceeded(restored))
            {
                return await FinishAsync(context, journal, ProcedureOutcome.RolledBack, restored.Capacity, $"Rolled back to capacity {previousCapacity}: {failure}.", failure);
            }

            return await FinishAsync(context, journal, ProcedureOutcome.Failed, restored.Capacity, $"Rollback to {previousCapacity} did not complete ({DescribeProvisioning(restored)}) after {failure}.", failure);
        }
        catch (TaskFailedException ex)
        {
            var error = $"{failure}; rollback failed: {ex.FailureDetails.ErrorMessage}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, previousCapacity, $"Failed: {error}.", error);
        }
    }

    private static Task<ApprovalAnswer?> WaitForApprovalAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input, TimeSpan timeout)
    {
        var opened = journal.Now();
        var request = new ApprovalRequest(context.InstanceId, input.PolicyId, journal.FromCapacity, input.ToCapacity, input.Reason, opened, opened + timeout);
        var status = new ProcedureStatus(Approval, $"waiting for approval of {journal.FromCapacity} → {input.ToCapacity} until {request.Deadline:u}", journal.FromCapacity, input.ToCapacity);
        return ApprovalWait.WaitAsync(context, request, status, input.PollInterval);
    }

    /// <summary>Asks for the change; while ARM defers it (throttled, or another operation runs) waits as long as ARM asked.</summary>
    private static async Task<ApplyOutcome> ApplyAsync(TaskOrchestrationContext context, ProcedureJournal journal, CapacityChange change)
    {
        var outcome = await context.CallActivityAsync<ApplyOutcome>(nameof(ProcedureActivities.ApplyCapacity), change, ArmRetry);
        for (var attempt = 1; attempt < ApplyAttempts && !outcome.Accepted; attempt++)
        {
            context.SetCustomStatus(new ProcedureStatus(Apply, $"waiting {outcome.RetryAfter.TotalSeconds:0} s before asking again: {outcome.Detail}", journal.FromCapacity, change.Capacity));
            await context.CreateTimer(outcome.RetryAfter, CancellationToken.None);
            outcome = await context.CallActivityAsync<ApplyOutcome>(nameof(ProcedureActivities.ApplyCapacity), change, ArmRetry);
        }

        return outcome;
    }

    private static async Task<TargetSnapshot> WaitForProvisioningAsync(TaskOrchestrationContext context, ScaleProcedureInput input)
    {
        // Bounded: the poll count follows from the time budget, so history cannot grow without end.
        var polls = (int)Math.Ceiling(input.ProvisioningTimeout / input.PollInterval);
        var snapshot = await context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.ReadProvisioning), input.TargetResourceId, ArmRetry);
        for (var poll = 0; poll < polls && !snapshot.IsProvisioningTerminal; poll++)
        {
            context.SetCustomStatus(new ProcedureStatus(WaitForProvisioning, $"capacity {snapshot.Capacity}, {snapshot.ProvisioningState}", snapshot.Capacity, input.ToCapacity));
            await context.CreateTimer(input.PollInterval, CancellationToken.None);
            snapshot = await context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.ReadProvisioning), input.TargetResourceId, ArmRetry);
        }

        return snapshot;
    }

    private static Task<Scalewise.Core.Decisions.TargetState> RecordScaleTimeAsync(TaskOrchestrationContext context, ScaleProcedureInput input, int from, int to) =>
        context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(
            nameof(ProcedureActivities.RecordScaleTime),
            new ScaleTimeInput(input.PolicyId, to > from ? ScaleDirection.Increase : ScaleDirection.Decrease, to),
            StorageRetry);

    private static async Task<ScaleProcedureResult> FinishAsync(TaskOrchestrationContext context, ProcedureJournal journal, ProcedureOutcome outcome, int finalCapacity, string summary, string? error = null)
    {
        var notifyStarted = journal.Now();
        context.SetCustomStatus(new ProcedureStatus(Notify, summary, journal.FromCapacity, finalCapacity));
        var notification = await context.CallActivityAsync<NotificationOutcome>(nameof(ProcedureActivities.SendNotification), journal.ToRecord(outcome, error));
        journal.AddStep(Notify, notifyStarted, notification.Detail);

        context.SetCustomStatus(new ProcedureStatus(Record, summary, journal.FromCapacity, finalCapacity));
        await journal.SaveAsync(outcome, error);
        context.SetCustomStatus(new ProcedureStatus(outcome.ToString(), summary, journal.FromCapacity, finalCapacity));
        return new ScaleProcedureResult(outcome, journal.FromCapacity, journal.ToRecord(outcome, error).ToCapacity, finalCapacity, summary, journal.Steps);
    }

    private static bool IsSucceeded(TargetSnapshot snapshot) =>
        string.Equals(snapshot.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);

    private static string DescribeProvisioning(TargetSnapshot snapshot) => snapshot.IsProvisioningTerminal
        ? $"capacity {snapshot.Capacity}, {snapshot.ProvisioningState}"
        : $"capacity {snapshot.Capacity}, still {snapshot.ProvisioningState} when the time budget ran out";
}

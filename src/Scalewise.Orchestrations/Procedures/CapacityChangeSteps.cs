using Microsoft.DurableTask;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// The steps the capacity procedures share (<see cref="ScaleProcedure"/> and <see cref="EmergencyScaleUp"/>): the guard, the
/// change itself (snapshot → apply, waiting as ARM asks on 429/409 → wait for provisioning → verify, rolling back to the
/// snapshot's capacity on failure) and the finish (notify, record). What differs between the procedures is passed in: the
/// poll interval on the input, and how verification is done.
/// </summary>
internal static class CapacityChangeSteps
{
    public static Task<GuardOutcome> GuardAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input) =>
        journal.RunStepAsync(
            Guard,
            () => context.CallActivityAsync<GuardOutcome>(nameof(ProcedureActivities.GuardProcedure), new GuardInput(input.PolicyId, input.TargetResourceId, input.Kind, input.ToCapacity, input.RaisedMaximum), ScaleProcedure.ArmRetry),
            g => g.Allowed ? $"allowed: {g.Reason}" : $"refused: {g.Reason}");

    /// <summary>
    /// Snapshot, apply, wait for provisioning, then <paramref name="verify"/> (which includes any warm-up); on success the
    /// cooldown clock is recorded and the procedure finishes Succeeded, otherwise it rolls back.
    /// </summary>
    public static async Task<ScaleProcedureResult> ChangeAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input, Func<Task<VerificationResult>> verify)
    {
        var target = input.TargetResourceId;
        var before = await journal.RunStepAsync(
            Snapshot,
            () => context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.SnapshotTarget), target, ScaleProcedure.ArmRetry),
            s => $"recorded capacity {s.Capacity} ({s.ProvisioningState})");
        journal.FromCapacity = before.Capacity;

        ApplyOutcome applied;
        try
        {
            applied = await journal.RunStepAsync(Apply, () => ApplyAsync(context, journal, new CapacityChange(target, input.ToCapacity)), a => a.Accepted ? a.Detail : $"gave up after {ScaleProcedure.ApplyAttempts} attempts: {a.Detail}");
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
                var verification = await verify();
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

    /// <summary>One verification of the target against the capacity the input asked for, recorded as the verify step.</summary>
    public static Task<VerificationResult> VerifyOnceAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input) =>
        journal.RunStepAsync(
            Verify,
            () => context.CallActivityAsync<VerificationResult>(nameof(ProcedureActivities.VerifyTarget), new CapacityChange(input.TargetResourceId, input.ToCapacity), ScaleProcedure.ArmRetry),
            DescribeVerification);

    public static string DescribeVerification(VerificationResult verification) =>
        verification.Passed ? $"passed: {verification.Detail}" : $"failed: {verification.Detail}";

    /// <summary>Notifies (a failed notification is recorded, never thrown) and records the terminal outcome.</summary>
    public static async Task<ScaleProcedureResult> FinishAsync(TaskOrchestrationContext context, ProcedureJournal journal, ProcedureOutcome outcome, int finalCapacity, string summary, string? error = null)
    {
        var notifyStarted = journal.Now();
        context.SetCustomStatus(new ProcedureStatus(Notify, summary, journal.FromCapacity, finalCapacity));
        var notification = await context.CallActivityAsync<NotificationOutcome>(nameof(ProcedureActivities.SendNotification), journal.ToRecord(outcome, error));
        journal.AddStep(Notify, notifyStarted, notification.Detail);

        context.SetCustomStatus(new ProcedureStatus(Record, summary, journal.FromCapacity, finalCapacity));
        journal.EndedAt = journal.Now();
        await journal.SaveAsync(outcome, error);
        context.SetCustomStatus(new ProcedureStatus(outcome.ToString(), summary, journal.FromCapacity, finalCapacity));
        return new ScaleProcedureResult(outcome, journal.FromCapacity, journal.ToRecord(outcome, error).ToCapacity, finalCapacity, summary, journal.Steps);
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

    /// <summary>Asks for the change; while ARM defers it (throttled, or another operation runs) waits as long as ARM asked.</summary>
    private static async Task<ApplyOutcome> ApplyAsync(TaskOrchestrationContext context, ProcedureJournal journal, CapacityChange change)
    {
        var outcome = await context.CallActivityAsync<ApplyOutcome>(nameof(ProcedureActivities.ApplyCapacity), change, ScaleProcedure.ArmRetry);
        for (var attempt = 1; attempt < ScaleProcedure.ApplyAttempts && !outcome.Accepted; attempt++)
        {
            context.SetCustomStatus(new ProcedureStatus(Apply, $"waiting {outcome.RetryAfter.TotalSeconds:0} s before asking again: {outcome.Detail}", journal.FromCapacity, change.Capacity));
            await context.CreateTimer(outcome.RetryAfter, CancellationToken.None);
            outcome = await context.CallActivityAsync<ApplyOutcome>(nameof(ProcedureActivities.ApplyCapacity), change, ScaleProcedure.ArmRetry);
        }

        return outcome;
    }

    private static async Task<TargetSnapshot> WaitForProvisioningAsync(TaskOrchestrationContext context, ScaleProcedureInput input)
    {
        // Bounded: the poll count follows from the time budget, so history cannot grow without end.
        var polls = (int)Math.Ceiling(input.ProvisioningTimeout / input.PollInterval);
        var snapshot = await context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.ReadProvisioning), input.TargetResourceId, ScaleProcedure.ArmRetry);
        for (var poll = 0; poll < polls && !snapshot.IsProvisioningTerminal; poll++)
        {
            context.SetCustomStatus(new ProcedureStatus(WaitForProvisioning, $"capacity {snapshot.Capacity}, {snapshot.ProvisioningState}", snapshot.Capacity, input.ToCapacity));
            await context.CreateTimer(input.PollInterval, CancellationToken.None);
            snapshot = await context.CallActivityAsync<TargetSnapshot>(nameof(ProcedureActivities.ReadProvisioning), input.TargetResourceId, ScaleProcedure.ArmRetry);
        }

        return snapshot;
    }

    private static Task<Scalewise.Core.Decisions.TargetState> RecordScaleTimeAsync(TaskOrchestrationContext context, ScaleProcedureInput input, int from, int to) =>
        context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(
            nameof(ProcedureActivities.RecordScaleTime),
            new ScaleTimeInput(input.PolicyId, to > from ? ScaleDirection.Increase : ScaleDirection.Decrease, to),
            ScaleProcedure.StorageRetry);

    private static bool IsSucceeded(TargetSnapshot snapshot) =>
        string.Equals(snapshot.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);

    private static string DescribeProvisioning(TargetSnapshot snapshot) => snapshot.IsProvisioningTerminal
        ? $"capacity {snapshot.Capacity}, {snapshot.ProvisioningState}"
        : $"capacity {snapshot.Capacity}, still {snapshot.ProvisioningState} when the time budget ran out";
}

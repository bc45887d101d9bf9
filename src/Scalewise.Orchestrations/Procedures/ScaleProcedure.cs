using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Changes a target's capacity: guard → approval (when the input asks) → snapshot → apply → wait for provisioning →
/// warm-up → verify → notify → record, rolling back to the snapshot's capacity when provisioning or verification fails.
/// The steps after the approval are shared with <see cref="EmergencyScaleUp"/> (<see cref="CapacityChangeSteps"/>).
/// </summary>
public static class ScaleProcedure
{
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

        var guard = await CapacityChangeSteps.GuardAsync(context, journal, input);
        journal.FromCapacity = guard.CurrentCapacity;
        if (!guard.Allowed)
        {
            return await CapacityChangeSteps.FinishAsync(context, journal, ProcedureOutcome.Cancelled, guard.CurrentCapacity, $"Not started: {guard.Reason}.");
        }

        if (input.ApprovalTimeout is { } approvalTimeout)
        {
            var answer = await journal.RunStepAsync(
                Approval,
                () => WaitForApprovalAsync(context, journal, input, approvalTimeout),
                a => a is null ? $"no answer within {approvalTimeout.TotalMinutes:0.#} min" : $"{(a.Approved ? "approved" : "rejected")} by {a.By}{(a.Comment is null ? string.Empty : $": {a.Comment}")}");
            if (answer is null)
            {
                return await CapacityChangeSteps.FinishAsync(context, journal, ProcedureOutcome.Cancelled, guard.CurrentCapacity, $"Cancelled: nobody approved capacity {input.ToCapacity} within {approvalTimeout.TotalMinutes:0.#} min.");
            }

            if (!answer.Approved)
            {
                return await CapacityChangeSteps.FinishAsync(context, journal, ProcedureOutcome.Rejected, guard.CurrentCapacity, $"Rejected by {answer.By}{(answer.Comment is null ? string.Empty : $": {answer.Comment}")}.");
            }
        }

        return await CapacityChangeSteps.ChangeAsync(context, journal, input, () => WarmUpAndVerifyAsync(context, journal, input));
    }

    /// <summary>Waits the policy's warm-up on a durable timer, then verifies once.</summary>
    private static async Task<VerificationResult> WarmUpAndVerifyAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input)
    {
        await journal.RunStepAsync(WarmUp, () => context.CreateTimer(input.WarmUp, CancellationToken.None), $"waited {input.WarmUp.TotalSeconds:0} s for new capacity to warm up");
        return await CapacityChangeSteps.VerifyOnceAsync(context, journal, input);
    }

    private static Task<ApprovalAnswer?> WaitForApprovalAsync(TaskOrchestrationContext context, ProcedureJournal journal, ScaleProcedureInput input, TimeSpan timeout)
    {
        var opened = journal.Now();
        var request = new ApprovalRequest(context.InstanceId, input.PolicyId, journal.FromCapacity, input.ToCapacity, input.Reason, opened, opened + timeout);
        var status = new ProcedureStatus(Approval, $"waiting for approval of {journal.FromCapacity} → {input.ToCapacity} until {request.Deadline:u}", journal.FromCapacity, input.ToCapacity);
        return ApprovalWait.WaitAsync(context, request, status, input.PollInterval);
    }
}

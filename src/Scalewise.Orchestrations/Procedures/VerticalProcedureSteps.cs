using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>The steps every vertical procedure shares: its journal, the guard, the approval gate, deferrable ARM calls and the finish (notify, record).</summary>
internal static class VerticalProcedureSteps
{
    /// <summary>A journal over the vertical input; capacity is 1 (one VM, one cache) and the SKUs travel in the reason and the steps.</summary>
    public static ProcedureJournal CreateJournal(TaskOrchestrationContext context, VerticalProcedureInput input) => new(
        context,
        new ScaleProcedureInput(input.PolicyId, input.TargetResourceId, input.TargetKind, input.Kind, 1, $"to {input.ToSku}: {input.Reason}", input.RequestedBy, input.WarmUp, input.PollInterval, input.ProvisioningTimeout, input.ApprovalTimeout))
    {
        FromCapacity = 1,
        ToSku = input.ToSku,
    };

    /// <summary>
    /// Runs the approval gate when the input asks for one. Null when the procedure may go on; otherwise the terminal
    /// outcome and summary (Cancelled when nobody answered in time, Rejected when someone said no).
    /// </summary>
    /// <summary>
    /// The guard step every vertical procedure starts with: re-reads the policy and the target, records the SKU it starts
    /// from in the journal, and returns the outcome (not allowed: the procedure ends Cancelled with its reason).
    /// </summary>
    public static async Task<VerticalGuardOutcome> GuardAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input)
    {
        var guard = await journal.RunStepAsync(
            Guard,
            () => context.CallActivityAsync<VerticalGuardOutcome>(nameof(VerticalActivities.GuardVerticalChange), new VerticalGuardInput(input.PolicyId, input.TargetResourceId, input.TargetKind, input.Kind, input.ToSku), ScaleProcedure.ArmRetry),
            g => g.Allowed ? $"allowed: {g.Reason}" : $"refused: {g.Reason}");
        journal.FromSku = guard.CurrentSku;
        return guard;
    }

    public static async Task<(ProcedureOutcome Outcome, string Summary)?> ApproveAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, string fromSku)
    {
        if (input.ApprovalTimeout is not { } timeout)
        {
            return null;
        }

        var answer = await journal.RunStepAsync(
            Approval,
            () => WaitForApprovalAsync(context, journal, input, fromSku, timeout),
            a => a is null ? $"no answer within {timeout.TotalMinutes:0.#} min" : $"{(a.Approved ? "approved" : "rejected")} by {a.By}{(a.Comment is null ? string.Empty : $": {a.Comment}")}");
        if (answer is null)
        {
            return (ProcedureOutcome.Cancelled, $"Cancelled: nobody approved {fromSku} → {input.ToSku} within {timeout.TotalMinutes:0.#} min.");
        }

        return answer.Approved ? null : (ProcedureOutcome.Rejected, $"Rejected by {answer.By}{(answer.Comment is null ? string.Empty : $": {answer.Comment}")}.");
    }

    /// <summary>Calls an activity that starts a change; while ARM defers it (429, 409) waits on a durable timer as long as ARM asked.</summary>
    public static async Task<ApplyOutcome> RunDeferrableAsync<TInput>(TaskOrchestrationContext context, string step, string activity, TInput input)
    {
        var outcome = await context.CallActivityAsync<ApplyOutcome>(activity, input, ScaleProcedure.ArmRetry);
        for (var attempt = 1; attempt < ScaleProcedure.ApplyAttempts && !outcome.Accepted; attempt++)
        {
            context.SetCustomStatus(new ProcedureStatus(step, $"waiting {outcome.RetryAfter.TotalSeconds:0} s before asking again: {outcome.Detail}", 1, 1));
            await context.CreateTimer(outcome.RetryAfter, CancellationToken.None);
            outcome = await context.CallActivityAsync<ApplyOutcome>(activity, input, ScaleProcedure.ArmRetry);
        }

        return outcome;
    }

    /// <summary>Polls <paramref name="read"/> on durable timers until <paramref name="done"/> holds or <paramref name="budget"/> runs out; returns the last reading.</summary>
    public static async Task<T> PollAsync<T>(TaskOrchestrationContext context, string step, TimeSpan interval, TimeSpan budget, Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe)
    {
        var polls = (int)Math.Ceiling(budget / interval);
        var reading = await read();
        for (var poll = 0; poll < polls && !done(reading); poll++)
        {
            context.SetCustomStatus(new ProcedureStatus(step, describe(reading), 1, 1));
            await context.CreateTimer(interval, CancellationToken.None);
            reading = await read();
        }

        return reading;
    }

    /// <summary>Notifies (a failed notification is recorded, never thrown) and records the terminal outcome.</summary>
    public static async Task<VerticalProcedureResult> FinishAsync(TaskOrchestrationContext context, ProcedureJournal journal, ProcedureOutcome outcome, string fromSku, string toSku, string finalSku, string summary, string? error = null)
    {
        var notifyStarted = journal.Now();
        context.SetCustomStatus(new ProcedureStatus(Notify, summary, 1, 1));
        var notification = await context.CallActivityAsync<NotificationOutcome>(nameof(ProcedureActivities.SendNotification), journal.ToRecord(outcome, error));
        journal.AddStep(Notify, notifyStarted, notification.Detail);

        context.SetCustomStatus(new ProcedureStatus(Record, summary, 1, 1));
        await journal.SaveAsync(outcome, error);
        context.SetCustomStatus(new ProcedureStatus(outcome.ToString(), summary, 1, 1));
        return new VerticalProcedureResult(outcome, fromSku, toSku, finalSku, summary, journal.Steps);
    }

    public static string Describe(TaskFailedException ex) => $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";

    private static Task<ApprovalAnswer?> WaitForApprovalAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, string fromSku, TimeSpan timeout)
    {
        var opened = journal.Now();
        var request = new ApprovalRequest(context.InstanceId, input.PolicyId, 1, 1, $"{fromSku} → {input.ToSku}: {input.Reason}", opened, opened + timeout);
        var status = new ProcedureStatus(Approval, $"waiting for approval of {fromSku} → {input.ToSku} until {request.Deadline:u}", 1, 1);
        return ApprovalWait.WaitAsync(context, request, status, input.PollInterval);
    }
}

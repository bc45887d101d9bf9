using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// The one set of steps every procedure is made of (scale set, emergency, VM, Redis, Managed Redis): guard, approval, apply
/// (waiting as ARM asks on 429/409), poll under durable timers, warm-up, verify, record the scale time, finish (notify,
/// record) and the rollback's end. Each works over the <see cref="ProcedureJournal"/>, whose progress holds either capacities
/// or SKUs; what a target kind adds (which activity, what it checks) is passed in.
/// </summary>
internal static class ProcedureSteps
{
    /// <summary>ARM calls: server faults are retried with backoff; a request ARM rejected outright is not.</summary>
    public static readonly TaskOptions ArmRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => !failure.IsCausedBy<TargetRequestRejectedException>(),
    });

    /// <summary>Table Storage writes: retried so that history is not lost to a transient failure.</summary>
    public static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2));

    /// <summary>How many times a change ARM deferred (429, 409) is asked for again before the procedure gives up.</summary>
    public const int ApplyAttempts = 6;

    /// <summary>Re-reads the policy and the target, says whether the change may go on, and records the capacity it starts from.</summary>
    public static async Task<GuardOutcome> GuardAsync(ProcedureJournal journal, ScaleProcedureInput input)
    {
        var guard = await GuardAsync<GuardOutcome>(journal, nameof(ProcedureActivities.GuardProcedure), new GuardInput(input.PolicyId, input.TargetResourceId, input.Kind, input.ToCapacity, input.RaisedMaximum));
        journal.Progress.FromCapacity = guard.CurrentCapacity;
        return guard;
    }

    /// <summary>The guard of a SKU change (maintenance window, ladder, snapshot and data-loss settings); records the SKU it starts from.</summary>
    public static async Task<VerticalGuardOutcome> GuardAsync(ProcedureJournal journal, VerticalProcedureInput input)
    {
        var guard = await GuardAsync<VerticalGuardOutcome>(journal, nameof(VerticalActivities.GuardVerticalChange), new VerticalGuardInput(input.PolicyId, input.TargetResourceId, input.TargetKind, input.Kind, input.ToSku));
        journal.Progress.FromSku = guard.CurrentSku;
        return guard;
    }

    /// <summary>
    /// A SKU change from start to end: the journal, the guard (Cancelled with its reason when it refuses), then the kind's own
    /// <paramref name="steps"/> after an allowed guard; the result in SKUs.
    /// </summary>
    public static async Task<VerticalProcedureResult> RunGuardedAsync(
        TaskOrchestrationContext context, VerticalProcedureInput input, Func<ProcedureJournal, VerticalGuardOutcome, Task<ProcedureEnd>> steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = ProcedureJournal.For(context, input);
        var guard = await GuardAsync(journal, input);
        var end = guard.Allowed
            ? await steps(journal, guard)
            : await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Not started: {guard.Reason}.");
        return end.ToSkuResult();
    }

    /// <summary>
    /// Waits for a person's answer when <paramref name="timeout"/> is set. Null when the procedure may go on; otherwise its end
    /// (Cancelled when nobody answered in time, Rejected when someone said no).
    /// </summary>
    public static async Task<ProcedureEnd?> ApproveAsync(ProcedureJournal journal, TimeSpan? timeout, TimeSpan pollInterval, string reason)
    {
        if (timeout is not { } wait)
        {
            return null;
        }

        var progress = journal.Progress;
        var answer = await journal.RunStepAsync(
            Approval,
            () =>
            {
                var opened = journal.Now();
                var request = new ApprovalRequest(journal.Context.InstanceId, journal.PolicyId, progress.FromCapacity, progress.ToCapacity, reason, opened, opened + wait);
                var status = new ProcedureStatus(Approval, $"waiting for approval of {progress.Move} until {request.Deadline:u}", progress.FromCapacity, progress.ToCapacity);
                return ApprovalWait.WaitAsync(journal.Context, request, status, pollInterval);
            },
            a => a is null ? $"no answer within {wait.TotalMinutes:0.#} min" : $"{(a.Approved ? "approved" : "rejected")} by {a.By}{Comment(a)}");
        return answer is null ? await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Cancelled: nobody approved {progress.Wanted} within {wait.TotalMinutes:0.#} min.")
            : !answer.Approved ? await NotStartedAsync(journal, ProcedureOutcome.Rejected, $"Rejected by {answer.By}{Comment(answer)}.")
            : null;
    }

    /// <summary>Asks for a change; while ARM defers it (throttled, or another operation runs) waits on a durable timer as long as ARM asked.</summary>
    public static async Task<ApplyOutcome> ApplyAsync<TChange>(ProcedureJournal journal, string step, string activity, TChange change, int? toCapacity = null)
    {
        var context = journal.Context;
        var outcome = await context.CallActivityAsync<ApplyOutcome>(activity, change, ArmRetry);
        for (var attempt = 1; attempt < ApplyAttempts && !outcome.Accepted; attempt++)
        {
            journal.Show(step, $"waiting {outcome.RetryAfter.TotalSeconds:0} s before asking again: {outcome.Detail}", toCapacity: toCapacity);
            await context.CreateTimer(outcome.RetryAfter, CancellationToken.None);
            outcome = await context.CallActivityAsync<ApplyOutcome>(activity, change, ArmRetry);
        }

        return outcome;
    }

    /// <summary>
    /// Reads <paramref name="activity"/> on durable timers until <paramref name="done"/> holds or <paramref name="budget"/>
    /// runs out (the poll count follows from the budget, so history cannot grow without end); returns the last reading.
    /// </summary>
    public static async Task<T> PollAsync<T>(ProcedureJournal journal, string step, string activity, object input, TimeSpan interval, TimeSpan budget, Func<T, bool> done, Func<T, string> describe, Func<T, int>? fromCapacity = null, int? toCapacity = null)
    {
        var context = journal.Context;
        var polls = interval > TimeSpan.Zero ? (int)Math.Ceiling(budget / interval) : 0;
        var reading = await context.CallActivityAsync<T>(activity, input, ArmRetry);
        for (var poll = 0; poll < polls && !done(reading); poll++)
        {
            journal.Show(step, describe(reading), fromCapacity?.Invoke(reading), toCapacity);
            await context.CreateTimer(interval, CancellationToken.None);
            reading = await context.CallActivityAsync<T>(activity, input, ArmRetry);
        }

        return reading;
    }

    /// <summary>
    /// Runs the change (<paramref name="change"/>: null when it went through, else what failed), then the warm-up on a
    /// durable timer when there is one, then <paramref name="verify"/>. The verification when it passed, else what failed.
    /// </summary>
    public static async Task<(VerificationResult? Verified, string Failure)> ChangeAsync(ProcedureJournal journal, Func<Task<string?>> change, TimeSpan? warmUp, string settling, Func<Task<VerificationResult>> verify)
    {
        try
        {
            if (await change() is { } failed)
            {
                return (null, failed);
            }

            if (warmUp is { } wait)
            {
                await journal.RunStepAsync(WarmUp, () => journal.Context.CreateTimer(wait, CancellationToken.None), $"waited {wait.TotalSeconds:0} s for {settling}");
            }

            var verification = await verify();
            return verification.Passed ? (verification, string.Empty) : (null, $"verification failed: {verification.Detail}");
        }
        catch (TaskFailedException ex)
        {
            return (null, Describe(ex));
        }
    }

    /// <summary>
    /// Verifies the target reached what was asked: once, or (an emergency) right away and then every <paramref name="interval"/>
    /// at most <paramref name="checks"/> times, passing at the first check that passes.
    /// </summary>
    public static Task<VerificationResult> VerifyAsync<TChange>(ProcedureJournal journal, string activity, TChange expected, int? checks = null, TimeSpan interval = default)
    {
        var context = journal.Context;
        var most = Math.Max(1, checks ?? 1);
        var made = 0;
        return journal.RunStepAsync(
            Verify,
            async () =>
            {
                var verification = await context.CallActivityAsync<VerificationResult>(activity, expected, ArmRetry);
                for (made = 1; made < most && !verification.Passed; made++)
                {
                    journal.Show(Verify, $"check {made} of {most}: {verification.Detail}");
                    await context.CreateTimer(interval, CancellationToken.None);
                    verification = await context.CallActivityAsync<VerificationResult>(activity, expected, ArmRetry);
                }

                return verification;
            },
            v => checks is null ? Describe(v) : $"{Describe(v)} (check {made} of {most})");
    }

    /// <summary>Runs what must go right before anything changes (checks, snapshots, an export); null when it did, else what failed.</summary>
    public static async Task<string?> PrepareAsync(Func<Task<string?>> prepare)
    {
        try
        {
            return await prepare();
        }
        catch (TaskFailedException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>Starts the cooldown clock: on a change, and on a rolled-back attempt too, so a failing change is not retried every tick.</summary>
    public static Task RecordScaleTimeAsync(ProcedureJournal journal, ScaleDirection direction, int capacity) =>
        journal.Context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(nameof(ProcedureActivities.RecordScaleTime), new ScaleTimeInput(journal.PolicyId, direction, capacity), StorageRetry);

    /// <summary>Ends where it started: not started (guard, refusal, approval) or failed before any change.</summary>
    public static Task<ProcedureEnd> NotStartedAsync(ProcedureJournal journal, ProcedureOutcome outcome, string summary, string? error = null) =>
        FinishAsync(journal, outcome, summary, error, journal.Progress.FromCapacity, journal.Progress.FromSku);

    public static Task<ProcedureEnd> FailedBeforeChangeAsync(ProcedureJournal journal, string error) =>
        NotStartedAsync(journal, ProcedureOutcome.Failed, $"Failed before any change: {error}.", error);

    /// <summary>The end of a rollback that went through: back at <paramref name="back"/> (RolledBack), with the failure that caused it.</summary>
    public static Task<ProcedureEnd> RolledBackAsync(ProcedureJournal journal, string back, string failure, int? finalCapacity = null, string? finalSku = null) =>
        FinishAsync(journal, ProcedureOutcome.RolledBack, $"Rolled back to {back}: {failure}.", failure, finalCapacity, finalSku);

    public static Task<ProcedureEnd> FailedAsync(ProcedureJournal journal, string error, int? finalCapacity = null, string? finalSku = null) =>
        FinishAsync(journal, ProcedureOutcome.Failed, $"Failed: {error}.", error, finalCapacity, finalSku);

    /// <summary>The rollback's own failure: the target stays where the failed attempt left it.</summary>
    public static Task<ProcedureEnd> RollbackFailedAsync(ProcedureJournal journal, string failure, TaskFailedException ex, int? finalCapacity = null, string? finalSku = null) =>
        FailedAsync(journal, $"{failure}; rollback failed: {ex.FailureDetails.ErrorMessage}", finalCapacity, finalSku);

    /// <summary>Notifies (a failed notification is recorded, never thrown) and records the terminal outcome.</summary>
    public static async Task<ProcedureEnd> FinishAsync(ProcedureJournal journal, ProcedureOutcome outcome, string summary, string? error = null, int? finalCapacity = null, string? finalSku = null)
    {
        var context = journal.Context;
        var final = finalCapacity ?? journal.Progress.ToCapacity;
        var notifyStarted = journal.Now();
        journal.Show(Notify, summary, toCapacity: final);
        var notification = await context.CallActivityAsync<NotificationOutcome>(nameof(ProcedureActivities.SendNotification), journal.ToRecord(outcome, error));
        journal.AddStep(Notify, notifyStarted, notification.Detail);

        journal.Show(Record, summary, toCapacity: final);
        journal.EndedAt = journal.Now();
        await journal.SaveAsync(outcome, error);
        journal.Show(outcome.ToString(), summary, toCapacity: final);
        return new ProcedureEnd(outcome, summary, journal.Progress, final, finalSku, journal.Steps);
    }

    public static string Describe(TaskFailedException ex) => $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";

    public static string Describe(VerificationResult verification) => verification.Passed ? $"passed: {verification.Detail}" : $"failed: {verification.Detail}";

    private static Task<TOutcome> GuardAsync<TOutcome>(ProcedureJournal journal, string activity, object input)
        where TOutcome : IGuardOutcome =>
        journal.RunStepAsync(
            Guard,
            () => journal.Context.CallActivityAsync<TOutcome>(activity, input, ArmRetry),
            g => g.Allowed ? $"allowed: {g.Reason}" : $"refused: {g.Reason}");

    private static string Comment(ApprovalAnswer answer) => answer.Comment is null ? string.Empty : $": {answer.Comment}";
}

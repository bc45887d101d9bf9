using Scalewise.Core.Pricing;
using Scalewise.Azure.Targets;
using Scalewise.Orchestrations.Telemetry;

namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// The activities of scale procedures. Each is thin: it calls an adapter and returns a record; deciding is Core's.
/// Method names are the activity names (see <see cref="ScalewiseTasks"/>).
/// </summary>
public sealed partial class ProcedureActivities(
    ITargetController targets,
    IPolicyStore policies,
    ITargetStateStore states,
    IProcedureHistory history,
    INotifier notifier,
    PriceTable prices,
    IApprovalStore approvals,
    TimeProvider time,
    ProcedureTiming timing,
    ILogger<ProcedureActivities> logger)
{
    private const int StateWriteAttempts = 5;

    public async Task<GuardOutcome> GuardProcedure(GuardInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await policies.GetAsync(input.PolicyId, cancellationToken).ConfigureAwait(false);
        var target = await targets.GetAsync(input.TargetResourceId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new GuardOutcome(false, $"policy '{input.PolicyId}' no longer exists", target.Capacity);
        }

        var state = await states.GetAsync(input.PolicyId, cancellationToken).ConfigureAwait(false);
        var verdict = ProcedureGuard.Check(stored.Policy, state.State, target, input.Kind, input.ToCapacity, time.GetUtcNow(), input.RaisedMaximum, prices);
        return new GuardOutcome(verdict.Allowed, verdict.Reason, target.Capacity);
    }

    public Task<TargetSnapshot> SnapshotTarget(string targetResourceId, CancellationToken cancellationToken) =>
        targets.GetAsync(targetResourceId, cancellationToken);

    /// <summary>
    /// Starts the capacity change. Throttling (429) and "another operation is in progress" (409; not quota or SKU 409s) come back as a
    /// refusal with the wait ARM asked for, so the procedure waits on a durable timer; server faults are thrown
    /// for the retry policy; anything else is thrown as <see cref="TargetRequestRejectedException"/>, never retried.
    /// </summary>
    public async Task<ApplyOutcome> ApplyCapacity(CapacityChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await targets.BeginSetCapacityAsync(change.TargetResourceId, change.Capacity, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetOperationException ex) when (ex.IsThrottled || ex.IsOperationInProgress)
        {
            var wait = ex.RetryAfter ?? timing.DefaultRetryAfter;
            LogApplyDeferred(logger, change.TargetResourceId, ex.Status, wait);
            return new ApplyOutcome(false, wait, $"ARM answered {ex.Status} {ex.ErrorCode}: {ex.Message}");
        }
        catch (TargetOperationException ex) when (!ex.IsTransient)
        {
            throw new TargetRequestRejectedException($"ARM refused capacity {change.Capacity} for {change.TargetResourceId}: {ex.Status} {ex.ErrorCode}: {ex.Message}", ex);
        }

        LogCapacityRequested(logger, change.TargetResourceId, change.Capacity);
        return ApplyOutcome.Started($"capacity {change.Capacity} requested");
    }

    public Task<TargetSnapshot> ReadProvisioning(string targetResourceId, CancellationToken cancellationToken) =>
        targets.GetAsync(targetResourceId, cancellationToken);

    public async Task<VerificationResult> VerifyTarget(CapacityChange expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var target = await targets.GetAsync(expected.TargetResourceId, cancellationToken).ConfigureAwait(false);
        var instances = await targets.GetInstancesAsync(expected.TargetResourceId, cancellationToken).ConfigureAwait(false);
        return ScaleVerification.Evaluate(target, instances, expected.Capacity);
    }

    public async Task<NotificationOutcome> SendNotification(ProcedureRecord procedure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        try
        {
            await notifier.NotifyAsync(new ProcedureNotification(procedure, PortalLinks.ForResource(procedure.TargetResourceId)), cancellationToken).ConfigureAwait(false);
            return new NotificationOutcome(true, "sent");
        }
#pragma warning disable CA1031 // A failed notification is recorded in history and never fails the procedure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNotificationFailed(logger, ex, procedure.InstanceId);
            return new NotificationOutcome(false, $"notification failed: {ex.Message}");
        }
    }

    public async Task<bool> OpenApproval(ApprovalRequest request, CancellationToken cancellationToken)
    {
        await approvals.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The answer to the procedure's open approval, or null while nobody has answered.</summary>
    public async Task<ApprovalAnswer?> ReadApproval(string instanceId, CancellationToken cancellationToken) =>
        (await approvals.GetAsync(instanceId, cancellationToken).ConfigureAwait(false))?.Answer;

    public async Task<bool> RecordProcedure(ProcedureRecord procedure, CancellationToken cancellationToken)
    {
        await history.SaveAsync(procedure, cancellationToken).ConfigureAwait(false);
        ScalewiseTelemetry.ProcedureRecorded(procedure);
        return true;
    }

    /// <summary>Stores when the target last scaled in this direction (the cooldown clock), retrying on ETag conflicts.</summary>
    public async Task<TargetState> RecordScaleTime(ScaleTimeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await states.GetAsync(input.PolicyId, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var next = input.Direction == ScaleDirection.Increase
                ? stored.State with { LastScaleOutAt = now, LastKnownCapacity = input.Capacity }
                : stored.State with { LastScaleInAt = now, LastKnownCapacity = input.Capacity };
            try
            {
                var saved = await states.SaveAsync(next, stored.ETag, cancellationToken).ConfigureAwait(false);
                return saved.State;
            }
            catch (ConcurrencyConflictException) when (attempt < StateWriteAttempts)
            {
                LogStateConflict(logger, input.PolicyId, attempt);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Requested capacity {Capacity} for {TargetResourceId}")]
    private static partial void LogCapacityRequested(ILogger logger, string targetResourceId, int capacity);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "ARM deferred the change of {TargetResourceId} ({Status}); asking again in {Wait}")]
    private static partial void LogApplyDeferred(ILogger logger, string targetResourceId, int status, TimeSpan wait);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Notification for procedure {InstanceId} failed; the procedure goes on")]
    private static partial void LogNotificationFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Target state of {PolicyId} changed under us (attempt {Attempt}); reading it again")]
    private static partial void LogStateConflict(ILogger logger, string policyId, int attempt);
}

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Tells people about a warning decision (an alert-only rule fired, or a rule passed its warning tier) through
/// <see cref="INotifier"/> when the warning begins: a tick that repeats the previous recorded decision's warnings, within
/// <see cref="Continuation"/>, is recorded but not notified again. A failed notification is logged, never fails the tick.
/// </summary>
public sealed partial class WarningNotifications(IDecisionLog decisions, INotifier notifier, ILogger<WarningNotifications> logger)
{
    /// <summary>How close the previous warning must be for this one to count as the same warning going on.</summary>
    public static readonly TimeSpan Continuation = TimeSpan.FromMinutes(5);

    /// <summary>Call before the decision is recorded; true when people were notified.</summary>
    public async Task<bool> NotifyIfNewAsync(ScalingDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Severity != DecisionSeverity.Warning)
        {
            return false;
        }

        var warnings = Warnings(decision);
        var recent = await decisions.ListAsync(decision.PolicyId, 1, cancellationToken).ConfigureAwait(false);
        var previous = recent.Count > 0 ? recent[0] : null;
        if (previous is { Severity: DecisionSeverity.Warning } && previous.DecidedAt >= decision.DecidedAt - Continuation && Warnings(previous).SequenceEqual(warnings, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var alert = new AlertNotification(decision.PolicyId, decision.TargetResourceId, decision.CurrentCapacity, warnings, decision.Reason, decision.DecidedAt, PortalLinks.ForResource(decision.TargetResourceId));
        try
        {
            await notifier.NotifyAlertAsync(alert, cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A warning that could not be sent is logged; the decision is still recorded and acted on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogAlertFailed(logger, ex, decision.PolicyId);
            return false;
        }
    }

    private static List<string> Warnings(ScalingDecision decision) =>
        [.. decision.Evaluations.Where(e => e.Tier == MetricTier.Warning).Select(e => e.RuleName)];

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Policy {PolicyId}: the warning could not be notified")]
    private static partial void LogAlertFailed(ILogger logger, Exception exception, string policyId);
}

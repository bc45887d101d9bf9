using Scalewise.Core.Reports;

namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// The activities of an emergency's aftermath (<see cref="EmergencyScaleUp"/>): look whether it is over, write the capacity
/// report, notify it. Thin: the judging and the arithmetic are Core's (<see cref="EmergencyAftermath"/>, <see cref="CapacityReport"/>).
/// </summary>
public sealed partial class EmergencyActivities(
    IPolicyStore policies,
    ITargetController targets,
    IMetricReader metrics,
    ICapacityReportStore reports,
    INotifier notifier,
    TimeProvider time,
    ProcedureClock clock,
    ILogger<EmergencyActivities> logger)
{
    /// <summary>How far back the aftermath check reads: the emergency detector's window.</summary>
    private static readonly TimeSpan AftermathWindow = Scalewise.Core.Decisions.EmergencyDetector.Window;

    public async Task<AftermathReading> ObserveEmergency(string policyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        if (await policies.GetAsync(policyId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new AftermathReading(true, $"policy '{policyId}' no longer exists");
        }

        var policy = stored.Policy;
        var target = await targets.GetAsync(policy.Target.ResourceId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var windows = await metrics.ReadAsync(EmergencyAftermath.Requests(policy, AftermathWindow), now, cancellationToken).ConfigureAwait(false);
        return EmergencyAftermath.Check(policy, windows, target.Capacity, now);
    }

    /// <summary>Computes the report from the metrics since the emergency began and stores it; a report already stored for this emergency is kept and returned.</summary>
    public async Task<CapacityReport> WriteCapacityReport(CapacityReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await policies.GetAsync(request.PolicyId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The policy '{request.PolicyId}' no longer exists, so there is nothing to measure the emergency against.");
        var policy = stored.Policy;
        var now = time.GetUtcNow();
        DateTimeOffset? readyAt = request.SinceReady is { } since ? now - clock.ToPolicyClock(since) : null;
        var episode = new EmergencyEpisode(request.PolicyId, request.TargetResourceId, request.InstanceId, request.DecidedAt, request.Reason, request.Outcome, request.FromCapacity, request.ToCapacity, readyAt);

        // Whole minutes from the observation start to now, one more so the first minute is inside the window.
        var window = TimeSpan.FromMinutes(Math.Ceiling((now - CapacityReport.ObservationStart(request.DecidedAt)).TotalMinutes) + 1);
        var windows = await metrics.ReadAsync(CapacityReport.Requests(policy, window), now, cancellationToken).ConfigureAwait(false);
        var report = await reports.AddAsync(CapacityReport.For(policy, episode, windows, now), cancellationToken).ConfigureAwait(false);
        LogReportWritten(logger, request.PolicyId, report.RecommendedMinimum, report.RecommendedMaximum, report.Summary);
        return report;
    }

    /// <summary>Sends the report to the notification channels; a failure is returned for the history, never thrown.</summary>
    public async Task<NotificationOutcome> NotifyCapacityReport(CapacityReportNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        try
        {
            var notification = new ProcedureNotification(notice.Procedure, PortalLinks.ForResource(notice.Procedure.TargetResourceId)) { Report = notice.Report };
            await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
            return new NotificationOutcome(true, "sent");
        }
#pragma warning disable CA1031 // A failed notification is recorded in history and never fails the procedure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReportNotificationFailed(logger, ex, notice.Procedure.InstanceId);
            return new NotificationOutcome(false, $"notification failed: {ex.Message}");
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Capacity report for {PolicyId}: recommended minimum {RecommendedMinimum}, maximum {RecommendedMaximum}. {Summary}")]
    private static partial void LogReportWritten(ILogger logger, string policyId, int recommendedMinimum, int recommendedMaximum, string summary);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "The capacity report notification for procedure {InstanceId} failed; the procedure goes on")]
    private static partial void LogReportNotificationFailed(ILogger logger, Exception exception, string instanceId);
}

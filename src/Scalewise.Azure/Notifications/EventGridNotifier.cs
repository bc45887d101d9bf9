using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// Publishes one CloudEvents 1.0 event per finished procedure (and one of type <see cref="AlertRaisedType"/> per alert) to an
/// Event Grid custom topic: type
/// <see cref="ProcedureCompletedType"/>, source <see cref="Source"/>, subject the target's resource id, id the procedure
/// instance and outcome (a retried publish is the same event), data the webhook payload. An emergency's capacity report is
/// its own event, type <see cref="CapacityReportType"/>.
/// </summary>
public sealed class EventGridNotifier(EventGridPublisherClient client, ILogger<EventGridNotifier> logger) : INotifier
{
    public const string ProcedureCompletedType = "Scalewise.Procedure.Completed";

    public const string AlertRaisedType = "Scalewise.Alert.Raised";

    /// <summary>The event type of an emergency's post-event capacity report.</summary>
    public const string CapacityReportType = "Scalewise.CapacityReport.Written";

    public const string Source = "/scalewise/procedures";

    public const string AlertSource = "/scalewise/alerts";

    public async Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var procedure = notification.Procedure;
        var payload = WebhookPayload.Create(notification);
        var type = notification.Report is null ? ProcedureCompletedType : CapacityReportType;
        var cloudEvent = new CloudEvent(Source, type, BinaryData.FromString(payload.ToJsonString()), "application/json", CloudEventDataFormat.Json)
        {
            Id = notification.Report is { } report
                ? procedure.InstanceId + ":report:" + report.DecidedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : procedure.InstanceId + ":" + (procedure.Outcome?.ToString() ?? "Running"),
            Subject = procedure.TargetResourceId,
            Time = procedure.EndedAt ?? procedure.StartedAt,
        };

        try
        {
            await client.SendEventAsync(cloudEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new NotificationFailedException($"Event Grid refused the event for procedure '{procedure.InstanceId}' with HTTP {ex.Status}: {ex.Message}", ex.Status, ex);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            throw new NotificationFailedException($"Event Grid was not called or did not answer in time for procedure '{procedure.InstanceId}': {ex.Message}", null, ex);
        }

        NotificationsLog.EventPublished(logger, type, procedure.InstanceId);
    }

    public async Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var cloudEvent = new CloudEvent(AlertSource, AlertRaisedType, BinaryData.FromString(WebhookPayload.Alert(alert).ToJsonString()), "application/json", CloudEventDataFormat.Json)
        {
            Id = alert.PolicyId + ":alert:" + alert.At.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Subject = alert.TargetResourceId,
            Time = alert.At,
        };

        try
        {
            await client.SendEventAsync(cloudEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new NotificationFailedException($"Event Grid refused the alert on policy '{alert.PolicyId}' with HTTP {ex.Status}: {ex.Message}", ex.Status, ex);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            throw new NotificationFailedException($"Event Grid was not called or did not answer in time for the alert on policy '{alert.PolicyId}': {ex.Message}", null, ex);
        }

        NotificationsLog.EventPublished(logger, AlertRaisedType, "alert on " + alert.PolicyId);
    }
}

using System.Net.Http.Json;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// POSTs a JSON notification per procedure (and per alert) to <see cref="NotificationOptions.WebhookUrl"/>, or writes one structured log
/// line when none is configured. A failed POST throws <see cref="NotificationFailedException"/> for the orchestration to
/// record; the orchestration never fails because of it.
/// </summary>
public sealed class WebhookNotifier(HttpClient httpClient, IOptions<NotificationOptions> options, ILogger<WebhookNotifier> logger) : INotifier
{
    public async Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var procedure = notification.Procedure;
        var webhook = options.Value.WebhookUrl;
        if (webhook is null && notification.Report is { } report)
        {
            Log.CapacityReportLogged(logger, procedure.InstanceId, report.Summary);
            return;
        }

        if (webhook is null)
        {
            var operation = WebhookPayload.Operation(procedure);
            var outcome = procedure.Outcome is { } ended ? ended.ToString() : "(running)";
            Log.NotificationLogged(
                logger,
                procedure.InstanceId,
                operation,
                procedure.TargetResourceId,
                outcome,
                procedure.FromCapacity,
                procedure.ToCapacity,
                procedure.Reason);
            return;
        }

        await PostAsync(webhook, WebhookPayload.Create(notification), procedure.InstanceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var webhook = options.Value.WebhookUrl;
        if (webhook is null)
        {
            NotificationsLog.AlertLogged(logger, alert.PolicyId, alert.TargetResourceId, alert.Capacity, string.Join(", ", alert.Alerts), alert.Reason);
            return;
        }

        await PostAsync(webhook, WebhookPayload.Alert(alert), "alert on " + alert.PolicyId, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(Uri webhook, System.Text.Json.Nodes.JsonObject payload, string subject, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await httpClient.PostAsJsonAsync(webhook, payload, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.NotificationFailed(logger, ex, subject, ex.Message);
            throw new NotificationFailedException($"The webhook {webhook.GetLeftPart(UriPartial.Path)} could not be reached: {ex.Message}", null, ex);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            // The circuit is open after repeated failures, or the attempt or the whole budget ran out.
            Log.NotificationFailed(logger, ex, subject, ex.Message);
            throw new NotificationFailedException($"The webhook {webhook.GetLeftPart(UriPartial.Path)} was not called or did not answer in time: {ex.Message}", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NotificationFailed(logger, ex, subject, "timed out");
            throw new NotificationFailedException($"The webhook {webhook.GetLeftPart(UriPartial.Path)} did not answer in time.", null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var error = $"The webhook {webhook.GetLeftPart(UriPartial.Path)} answered HTTP {status} ({response.ReasonPhrase}).";
                Log.NotificationFailed(logger, null, subject, error);
                throw new NotificationFailedException(error, status, null);
            }

            Log.NotificationSent(logger, subject, (int)response.StatusCode);
        }
    }
}

namespace Scalewise.Azure.Notifications;

/// <summary>
/// Sends to every configured channel, procedures and alerts alike. A channel that fails does not stop the others; once all were tried, the failures are
/// thrown as one <see cref="NotificationFailedException"/> that names each, for the orchestration to record.
/// </summary>
public sealed class CompositeNotifier(IReadOnlyList<NotificationChannel> channels, ILogger<CompositeNotifier> logger) : INotifier
{
    public IReadOnlyList<NotificationChannel> Channels => channels;

    public Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return SendAsync(notification.Procedure.InstanceId, n => n.NotifyAsync(notification, cancellationToken), cancellationToken);
    }

    public Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return SendAsync("alert on " + alert.PolicyId, n => n.NotifyAlertAsync(alert, cancellationToken), cancellationToken);
    }

    private async Task SendAsync(string subject, Func<INotifier, Task> send, CancellationToken cancellationToken)
    {
        var failures = new List<(string Channel, Exception Error)>();
        foreach (var channel in channels)
        {
            try
            {
                await send(channel.Notifier).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                NotificationsLog.ChannelFailed(logger, ex, channel.Name, subject);
                failures.Add((channel.Name, ex));
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        var message = $"{failures.Count} of {channels.Count} notification channel(s) failed: "
            + string.Join("; ", failures.Select(f => $"{f.Channel}: {f.Error.Message}"));
        var status = failures.Count == 1 ? (failures[0].Error as NotificationFailedException)?.Status : null;
        throw new NotificationFailedException(message, status, failures.Count == 1 ? failures[0].Error : new AggregateException(failures.Select(f => f.Error)));
    }
}

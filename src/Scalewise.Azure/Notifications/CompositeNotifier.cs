using Microsoft.Extensions.Logging;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// Sends to every configured channel. A channel that fails does not stop the others; once all were tried, the failures are
/// thrown as one <see cref="NotificationFailedException"/> that names each, for the orchestration to record.
/// </summary>
public sealed class CompositeNotifier(IReadOnlyList<NotificationChannel> channels, ILogger<CompositeNotifier> logger) : INotifier
{
    public IReadOnlyList<NotificationChannel> Channels => channels;

    public async Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var failures = new List<(string Channel, Exception Error)>();
        foreach (var channel in channels)
        {
            try
            {
                await channel.Notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                NotificationsLog.ChannelFailed(logger, ex, channel.Name, notification.Procedure.InstanceId);
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

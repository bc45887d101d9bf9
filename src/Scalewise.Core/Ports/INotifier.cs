namespace Scalewise.Core.Ports;

/// <summary>Tells people about a procedure or a warning (webhook, Teams, Event Grid, or a log line when none is configured).</summary>
public interface INotifier
{
    Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken);

    /// <summary>Tells people about a warning on which nothing scales (an alert-only rule or a warning tier).</summary>
    Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken);
}

namespace Scalewise.Core.Ports;

/// <summary>Tells people about a procedure (webhook, or a log line when none is configured).</summary>
public interface INotifier
{
    Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken);
}

namespace Scalewise.Azure.Notifications;

/// <summary>
/// The webhook could not be reached or refused the notification. The orchestration records this in the procedure's
/// history and carries on: a procedure never fails because a notification did.
/// </summary>
public sealed class NotificationFailedException : Exception
{
    public NotificationFailedException()
    {
    }

    public NotificationFailedException(string message)
        : base(message)
    {
    }

    public NotificationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotificationFailedException(string message, int? status, Exception? innerException)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The HTTP status the webhook answered with; null when no response arrived.</summary>
    public int? Status { get; }
}

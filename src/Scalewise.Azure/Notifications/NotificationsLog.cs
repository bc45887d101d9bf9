namespace Scalewise.Azure.Notifications;

internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "The {Channel} notification for {Subject} failed; the other channels are still tried.")]
    public static partial void ChannelFailed(ILogger logger, Exception exception, string channel, string subject);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Published {EventType} for procedure {InstanceId} to Event Grid.")]
    public static partial void EventPublished(ILogger logger, string eventType, string instanceId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Sent the Teams message for procedure {InstanceId} (HTTP {Status}).")]
    public static partial void TeamsSent(ILogger logger, string instanceId, int status);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Alert on policy {PolicyId} ({ResourceId}, capacity {Capacity}): {Alerts}. {Reason}")]
    public static partial void AlertLogged(ILogger logger, string policyId, string resourceId, int capacity, string alerts, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Sent the alert on policy {PolicyId} to {Channel} (HTTP {Status}).")]
    public static partial void AlertSent(ILogger logger, string policyId, string channel, int status);
}

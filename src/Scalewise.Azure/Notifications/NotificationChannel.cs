namespace Scalewise.Azure.Notifications;

/// <summary>One place notifications go, with the name a failure message uses ("webhook", "Event Grid", "Teams").</summary>
public sealed record NotificationChannel(string Name, INotifier Notifier);

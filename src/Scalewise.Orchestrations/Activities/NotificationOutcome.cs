namespace Scalewise.Orchestrations.Activities;

/// <summary>Output of <see cref="ProcedureActivities.SendNotification"/>: a failed notification is reported, never thrown.</summary>
public sealed record NotificationOutcome(bool Sent, string Detail);

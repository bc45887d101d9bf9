namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// Input of <see cref="EmergencyActivities.WriteCapacityReport"/>: the emergency and how its procedure ended.
/// <see cref="SinceReady"/> is how long ago (on the procedure's clock) the new capacity was verified ready, null when it never
/// was; the activity turns it into a time on the policy's clock, which the decision and the metrics use.
/// </summary>
public sealed record CapacityReportRequest(
    string PolicyId,
    string TargetResourceId,
    string InstanceId,
    DateTimeOffset DecidedAt,
    string Reason,
    ProcedureOutcome Outcome,
    int FromCapacity,
    int ToCapacity,
    TimeSpan? SinceReady);

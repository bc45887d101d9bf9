namespace Scalewise.Orchestrations.Api;

/// <summary>
/// A decision (<see cref="Type"/> "decision": its kind, outcome and reason) or a procedure ("procedure": its kind, outcome or
/// "Running", instance id and the move it made) on a target's timeline.
/// </summary>
public sealed record TimelineMarker(DateTimeOffset At, string Type, DecisionKind Kind, string Outcome, string Text, string? InstanceId = null, DateTimeOffset? EndedAt = null);

namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="VerticalActivities.GuardVerticalChange"/>.</summary>
public sealed record VerticalGuardInput(string PolicyId, string TargetResourceId, TargetKind TargetKind, DecisionKind Kind, string ToSku);

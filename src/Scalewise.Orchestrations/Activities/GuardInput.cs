namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="ProcedureActivities.GuardProcedure"/>.</summary>
public sealed record GuardInput(string PolicyId, string TargetResourceId, DecisionKind Kind, int ToCapacity, int? RaisedMaximum = null);

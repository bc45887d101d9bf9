namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="ProcedureActivities.ApplyCapacity"/> and <see cref="ProcedureActivities.VerifyTarget"/>.</summary>
public sealed record CapacityChange(string TargetResourceId, int Capacity);

namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="ProcedureActivities.RecordScaleTime"/>.</summary>
public sealed record ScaleTimeInput(string PolicyId, ScaleDirection Direction, int Capacity);

namespace Scalewise.Orchestrations.Activities;

/// <summary>Output of <see cref="ProcedureActivities.GuardProcedure"/>: the verdict and the capacity the target had.</summary>
public sealed record GuardOutcome(bool Allowed, string Reason, int CurrentCapacity) : IGuardOutcome;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>How a procedure ended: the terminal outcome, the capacities, and the recorded steps.</summary>
public sealed record ScaleProcedureResult(
    ProcedureOutcome Outcome,
    int FromCapacity,
    int ToCapacity,
    int FinalCapacity,
    string Summary,
    IReadOnlyList<ProcedureStep> Steps);

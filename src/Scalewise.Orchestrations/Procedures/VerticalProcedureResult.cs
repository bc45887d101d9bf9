namespace Scalewise.Orchestrations.Procedures;

/// <summary>How a vertical procedure ended: the terminal outcome, the SKUs before, asked for and reached, and the recorded steps.</summary>
public sealed record VerticalProcedureResult(
    ProcedureOutcome Outcome,
    string FromSku,
    string ToSku,
    string FinalSku,
    string Summary,
    IReadOnlyList<ProcedureStep> Steps);

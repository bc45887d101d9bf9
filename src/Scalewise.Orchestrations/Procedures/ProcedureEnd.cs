namespace Scalewise.Orchestrations.Procedures;

/// <summary>How a procedure ended, in either unit; the orchestrator returns it as its capacity or SKU result.</summary>
internal sealed record ProcedureEnd(ProcedureOutcome Outcome, string Summary, ProcedureProgress Progress, int FinalCapacity, string? FinalSku, IReadOnlyList<ProcedureStep> Steps)
{
    public ScaleProcedureResult ToCapacityResult() => new(Outcome, Progress.FromCapacity, Progress.ToCapacity, FinalCapacity, Summary, Steps);

    public VerticalProcedureResult ToSkuResult() => new(Outcome, Progress.FromSku ?? string.Empty, Progress.ToSku ?? string.Empty, FinalSku ?? Progress.FromSku ?? string.Empty, Summary, Steps);
}

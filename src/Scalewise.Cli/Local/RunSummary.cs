namespace Scalewise.Cli.Local;

/// <summary>What <c>scalewise run --summary</c> writes: counts, and every procedure with its steps.</summary>
public sealed record RunSummary(
    string Scenario,
    string Target,
    int ScaleOuts,
    int ScaleIns,
    int Decisions,
    IReadOnlyDictionary<string, int> DecisionsByKind,
    IReadOnlyList<ProcedureSummary> Procedures)
{
    /// <summary>For a vertical policy, succeeded procedures that stepped the SKU up its ladder; absent for scale sets.</summary>
    public int? StepsUp { get; init; }

    /// <summary>For a vertical policy, succeeded procedures that stepped the SKU down its ladder; absent for scale sets.</summary>
    public int? StepsDown { get; init; }
}

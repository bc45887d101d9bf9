namespace Scalewise.Cli.Local;

/// <summary>What <c>scalewise run --summary</c> writes: counts, and every procedure with its steps.</summary>
public sealed record RunSummary(
    string Scenario,
    string Target,
    int ScaleOuts,
    int ScaleIns,
    int Decisions,
    IReadOnlyDictionary<string, int> DecisionsByKind,
    IReadOnlyList<ProcedureSummary> Procedures);

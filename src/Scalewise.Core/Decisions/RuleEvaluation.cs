namespace Scalewise.Core.Decisions;

/// <summary>How one rule fared: the value seen over its window, and whether that met its threshold.</summary>
/// <remarks><see cref="Tier"/> is how far the value went (warning, trigger, critical); <see cref="DesiredCapacity"/> is what the rule asked for when it fired (a rung index for vertical policies).</remarks>
public sealed record RuleEvaluation(
    string RuleName,
    string MetricName,
    ScaleDirection Direction,
    double? Observed,
    ComparisonOperator Operator,
    double Threshold,
    bool Fired)
{
    public MetricTier Tier { get; init; }

    public int? DesiredCapacity { get; init; }

    /// <summary>For a formula rule: the named metrics' values ("cpu = 83.4, memory = 61"), or why the formula has no value.</summary>
    public string? Detail { get; init; }
}

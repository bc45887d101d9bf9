using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>How one rule fared: the value seen over its window, and whether that met its threshold.</summary>
public sealed record RuleEvaluation(
    string RuleName,
    string MetricName,
    ScaleDirection Direction,
    double? Observed,
    ComparisonOperator Operator,
    double Threshold,
    bool Fired);

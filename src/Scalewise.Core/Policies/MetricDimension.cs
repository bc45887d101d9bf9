namespace Scalewise.Core.Policies;

/// <summary>A dimension filter on a metric, as Azure autoscale writes it: <c>EntityName Equals ["orders"]</c>.</summary>
public sealed record MetricDimension(string DimensionName, DimensionOperator Operator, IReadOnlyList<string> Values);

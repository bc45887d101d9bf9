namespace Scalewise.Simulator.Wire;

/// <summary>Which aggregations a metrics query asked for.</summary>
[Flags]
internal enum MetricAggregations
{
    None = 0,
    Average = 1,
    Minimum = 2,
    Maximum = 4,
    Total = 8,
    Count = 16,
}

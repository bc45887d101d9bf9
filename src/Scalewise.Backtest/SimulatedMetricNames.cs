namespace Scalewise.Backtest;

/// <summary>
/// The metric names a backtested policy may use, matched without regard to case: the Azure Monitor names a scale set
/// or an App Service plan reports, and plain names for latency and queue length.
/// </summary>
public static class SimulatedMetricNames
{
    private static readonly Dictionary<string, SimulatedMetric> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Percentage CPU"] = SimulatedMetric.Cpu,
        ["CpuPercentage"] = SimulatedMetric.Cpu,
        ["P95 Latency"] = SimulatedMetric.P95Latency,
        ["Latency P95"] = SimulatedMetric.P95Latency,
        ["Requests"] = SimulatedMetric.Requests,
        ["Queue Length"] = SimulatedMetric.QueueLength,
        ["ApproximateMessageCount"] = SimulatedMetric.QueueLength,
    };

    /// <summary>Every accepted name, for error messages and documentation.</summary>
    public static IReadOnlyCollection<string> All => Names.Keys;

    public static bool TryResolve(string metricName, out SimulatedMetric metric) => Names.TryGetValue(metricName, out metric);
}

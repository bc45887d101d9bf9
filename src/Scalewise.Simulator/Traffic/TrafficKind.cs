namespace Scalewise.Simulator.Traffic;

/// <summary>What a request to the simulator counts as: ARM read or write, or a metrics call (ARM's Metrics_List or the data-plane batch).</summary>
public enum TrafficKind
{
    ArmRead,
    ArmWrite,
    ArmMetrics,
    MetricsBatch,
}

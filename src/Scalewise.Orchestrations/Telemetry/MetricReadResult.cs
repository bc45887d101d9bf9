namespace Scalewise.Orchestrations.Telemetry;

/// <summary>How one target's metric read ended, as <c>scalewise.metric_read.*</c> records it.</summary>
public enum MetricReadResult
{
    /// <summary>Every metric the policy reads came back with points.</summary>
    Data,

    /// <summary>The read answered, but at least one metric had no points.</summary>
    Empty,

    /// <summary>The read failed.</summary>
    Error,
}

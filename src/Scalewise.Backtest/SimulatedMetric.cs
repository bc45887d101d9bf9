namespace Scalewise.Backtest;

/// <summary>The metrics a simulated target produces every minute, and so the metrics a policy may read in a backtest.</summary>
public enum SimulatedMetric
{
    /// <summary>Average CPU of the ready instances, 0-100: demand over ready capacity at the SLO, saturating at 100.</summary>
    Cpu,

    /// <summary>95th-percentile response time in milliseconds, from the target model's latency model.</summary>
    P95Latency,

    /// <summary>Requests arriving at the target in the minute (all instances together).</summary>
    Requests,

    /// <summary>Requests waiting because arrivals exceeded what the ready instances could serve at full load.</summary>
    QueueLength,
}

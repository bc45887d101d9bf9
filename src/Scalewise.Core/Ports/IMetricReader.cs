namespace Scalewise.Core.Ports;

/// <summary>Reads metric windows ending at a given time (Azure Monitor in production, the simulator locally).</summary>
public interface IMetricReader
{
    Task<IReadOnlyList<MetricWindow>> ReadAsync(IReadOnlyList<MetricRequest> requests, DateTimeOffset windowEnd, CancellationToken cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;

namespace Scalewise.Azure.Metrics;

/// <summary>The metric reader the (validated) <see cref="MetricsOptions"/> ask for: ARM one resource per call, or the batch API with ARM for single resources.</summary>
internal static class MetricReaderFactory
{
    public static IMetricReader Create(IServiceProvider services)
    {
        var connection = services.GetRequiredService<ArmConnection>();
        var options = services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var perResource = new AzureMonitorMetricReader(connection, services.GetRequiredService<ILogger<AzureMonitorMetricReader>>(), options.MaxConcurrentCalls, options.ApplyIngestionLatency);
        if (!options.UseBatch)
        {
            return perResource;
        }

        // Lives as long as the singleton reader that uses it, i.e. the process.
        var batch = new MonitorBatchConnection(connection, options);
        return new BatchMetricReader(batch.Pipeline, options, perResource, services.GetRequiredService<ILogger<BatchMetricReader>>());
    }
}
